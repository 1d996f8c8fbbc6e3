package dev.azimuth.planner.prepare;

import dev.azimuth.planner.runtime.FloatMinMax;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * Replaces MIN and MAX of DOUBLE values by {@link FloatMinMax}'s, which order NaN as
 * PostgreSQL does. Runs on the logical plan, once sub-queries have become joins, so that those
 * Calcite makes of {@code > ALL} and the like are covered too. Stateless.
 */
public final class FloatAggregates {
  private static final SqlAggFunction MAX = function("MAX", FloatMinMax.Max.class);
  private static final SqlAggFunction MIN = function("MIN", FloatMinMax.Min.class);

  private FloatAggregates() {}

  private static SqlAggFunction function(String name, Class<?> implementation) {
    return new SqlUserDefinedAggFunction(new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_FORCE_NULLABLE, null,
        OperandTypes.operandMetadata(List.of(org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC),
            factory -> List.of(factory.createSqlType(SqlTypeName.DOUBLE)), i -> "value",
            i -> false),
        AggregateFunctionImpl.create(implementation), false, false, Optionality.FORBIDDEN);
  }

  public static RelNode rewrite(RelNode plan) {
    return plan.accept(new RelShuttleImpl() {
      @Override public RelNode visit(LogicalAggregate aggregate) {
        LogicalAggregate visited = (LogicalAggregate) super.visit(aggregate);
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall call : visited.getAggCallList()) {
          AggregateCall replaced = replace(call, visited.getInput());
          changed |= replaced != call;
          calls.add(replaced);
        }
        return changed ? visited.copy(visited.getTraitSet(), visited.getInput(),
            visited.getGroupSet(), visited.getGroupSets(), calls) : visited;
      }
    });
  }

  private static AggregateCall replace(AggregateCall call, RelNode input) {
    SqlKind kind = call.getAggregation().getKind();
    if ((kind != SqlKind.MAX && kind != SqlKind.MIN) || call.getArgList().size() != 1) {
      return call;
    }
    SqlTypeName type = input.getRowType().getFieldList().get(call.getArgList().get(0))
        .getType().getSqlTypeName();
    if (type != SqlTypeName.DOUBLE && type != SqlTypeName.FLOAT) {
      return call;
    }
    return AggregateCall.create(kind == SqlKind.MAX ? MAX : MIN, call.isDistinct(),
        call.isApproximate(), call.ignoreNulls(), call.rexList, call.getArgList(),
        call.filterArg, call.distinctKeys, call.collation, call.getType(), call.name);
  }
}
