package dev.azimuth.planner.prepare;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.planner.rel.FusionSpec;
import dev.azimuth.planner.runtime.RuntimeFunctions;
import dev.azimuth.planner.runtime.TextRuntimeFunctions;
import dev.azimuth.planner.schema.AzimuthTable;
import dev.azimuth.sql.fun.TextOperators;
import dev.azimuth.sql.fun.VectorOperators;
import dev.azimuth.sql.fusion.FusionFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql.validate.SqlValidatorTable;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's standard conversions, plus: each vector operator becomes the executable function
 * of {@link RuntimeFunctions}, keeping the type validation gave it, each text function the
 * executable one of {@link TextRuntimeFunctions}, told which stored column it reads, and a
 * fusion table function's call its {@link FusionSpec} (its inputs become the table function
 * scan's inputs, as Calcite converts every CURSOR argument). Stateless.
 */
public final class AzimuthConvertletTable implements SqlRexConvertletTable {
  public static final AzimuthConvertletTable INSTANCE = new AzimuthConvertletTable();

  private AzimuthConvertletTable() {}

  @Override public @Nullable SqlRexConvertlet get(SqlCall call) {
    SqlOperator op = call.getOperator();
    if (op == VectorOperators.TO_VECTOR) {
      return (cx, c) -> convert(cx, c,
          c.operandCount() == 2 ? RuntimeFunctions.TO_VECTOR_DIM : RuntimeFunctions.TO_VECTOR);
    }
    if (op instanceof FusionFunction) {
      return (cx, c) -> FusionSpec.of(cx.getValidator(), c).toCall(cx.getRexBuilder());
    }
    if (op instanceof TextOperators.ResolvedTextFunction text) {
      return (cx, c) -> convertText(cx, c, text);
    }
    SqlOperator runtime = RuntimeFunctions.forSqlOperator(op);
    if (runtime != null) {
      return (cx, c) -> convert(cx, c, runtime);
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }

  /** Validation named the stored column a text function reads; here it becomes its id. */
  private static RexNode convertText(SqlRexContext cx, SqlCall call,
      TextOperators.ResolvedTextFunction text) {
    SqlValidatorTable resolved = cx.getValidator().getCatalogReader().getTable(text.table());
    AzimuthTable table = resolved == null ? null : resolved.unwrap(AzimuthTable.class);
    int index = table == null ? -1 : table.definition().indexOf(text.column());
    if (index < 0) {
      throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
          call.getOperator().getName() + " needs a VARCHAR column of a stored table as its "
              + "first argument; " + call.operand(0) + " is not one");
    }
    SqlOperator runtime = text.function() == TextOperators.TEXT_MATCH
        ? TextRuntimeFunctions.TEXT_MATCH : TextRuntimeFunctions.BM25;
    return TextRuntimeFunctions.call(cx.getRexBuilder(), runtime,
        cx.convertExpression(call.operand(0)), cx.convertExpression(call.operand(1)),
        table.definition().id(), index);
  }

  private static RexNode convert(SqlRexContext cx, SqlCall call, SqlOperator runtime) {
    RelDataType type = cx.getValidator().getValidatedNodeType(call);
    List<RexNode> operands = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      operands.add(cx.convertExpression(operand));
    }
    return cx.getRexBuilder().makeCall(type, runtime, operands);
  }
}
