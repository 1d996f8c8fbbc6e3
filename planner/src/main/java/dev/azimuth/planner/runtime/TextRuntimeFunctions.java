package dev.azimuth.planner.runtime;

import dev.azimuth.sql.fun.TextOperators;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The executable twins of {@link TextOperators}: {@code TEXT_MATCH} and {@code BM25} become
 * calls of these during SQL-to-relational conversion, with two more operands, the table's id
 * and the column's index (literals), because a text function belongs to a stored column (its
 * analyzer, its index, its table's statistics). Generated code calls {@link TextFunctions} with
 * the execution's context. Immutable.
 */
public final class TextRuntimeFunctions {
  /** {@code TEXT_MATCH(text, query, tableId, column)}. */
  public static final SqlOperator TEXT_MATCH =
      function("TEXT_MATCH", "textMatch", SqlTypeName.BOOLEAN);
  /** {@code BM25(text, query, tableId, column)}. */
  public static final SqlOperator BM25 = function("BM25", "bm25", SqlTypeName.DOUBLE);

  private static final String[] PARAMETERS = {"text", "query", "tableId", "column"};
  private static final SqlTypeName[] PARAMETER_TYPES = {SqlTypeName.VARCHAR,
      SqlTypeName.VARCHAR, SqlTypeName.BIGINT, SqlTypeName.INTEGER};

  private TextRuntimeFunctions() {}

  /**
   * A call of a text function of column {@code column} of table {@code tableId}.
   *
   * @param operator {@link #TEXT_MATCH} or {@link #BM25}
   * @param text     the column's value
   * @param query    the words
   */
  public static RexNode call(RexBuilder rexBuilder, SqlOperator operator, RexNode text,
      RexNode query, long tableId, int column) {
    RelDataTypeFactory types = rexBuilder.getTypeFactory();
    RelDataType varchar = types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.VARCHAR), true);
    RexNode words = query.getType().getSqlTypeName() == SqlTypeName.NULL
        ? rexBuilder.makeNullLiteral(varchar) : query;
    RelDataType result = types.createSqlType(operator == TEXT_MATCH ? SqlTypeName.BOOLEAN
        : SqlTypeName.DOUBLE);
    return rexBuilder.makeCall(result, operator, List.of(text, words,
        rexBuilder.makeBigintLiteral(java.math.BigDecimal.valueOf(tableId)),
        rexBuilder.makeExactLiteral(java.math.BigDecimal.valueOf(column),
            types.createSqlType(SqlTypeName.INTEGER))));
  }

  /**
   * A call of {@code operator} taken apart.
   *
   * @param text    the text operand (for a search: a reference to the column)
   * @param query   the words operand
   * @param tableId the table the column belongs to
   * @param column  the column's index in the table
   */
  public record Call(RexNode text, RexNode query, long tableId, int column) {
    /** {@code e} taken apart if it is a call of {@code operator}, else null. */
    public static @Nullable Call of(RexNode e, SqlOperator operator) {
      if (!(e instanceof RexCall call) || call.getOperator() != operator) {
        return null;
      }
      List<RexNode> operands = call.getOperands();
      if (!(operands.get(2) instanceof RexLiteral) || !(operands.get(3) instanceof RexLiteral)) {
        return null;
      }
      return new Call(operands.get(0), operands.get(1),
          ((RexLiteral) operands.get(2)).getValueAs(Long.class),
          ((RexLiteral) operands.get(3)).getValueAs(Integer.class));
    }
  }

  private static SqlOperator function(String name, String method, SqlTypeName type) {
    // Types are fixed by validation before conversion; these rules are never consulted.
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(type), InferTypes.RETURN_TYPE, null,
        new Implementation(method, type));
  }

  /** Generates a call of a {@link TextFunctions} method with the execution's context first. */
  private record Implementation(String method, SqlTypeName type)
      implements ScalarFunction, ImplementableFunction {
    @Override public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.createSqlType(type);
    }

    @Override public List<FunctionParameter> getParameters() {
      List<FunctionParameter> out = new ArrayList<>();
      for (int i = 0; i < PARAMETERS.length; i++) {
        int ordinal = i;
        out.add(new FunctionParameter() {
          @Override public int getOrdinal() {
            return ordinal;
          }

          @Override public String getName() {
            return PARAMETERS[ordinal];
          }

          @Override public RelDataType getType(RelDataTypeFactory typeFactory) {
            return typeFactory.createSqlType(PARAMETER_TYPES[ordinal]);
          }

          @Override public boolean isOptional() {
            return false;
          }
        });
      }
      return out;
    }

    @Override public CallImplementor getImplementor() {
      // NONE: NULL text or query is the function's to handle (false, 0), not SQL's NULL.
      return RexImpTable.createImplementor((translator, call, operands) -> {
        Expression[] arguments = {translator.getRoot(),
            Expressions.convert_(operands.get(0), String.class),
            Expressions.convert_(operands.get(1), String.class),
            Expressions.convert_(operands.get(2), long.class),
            Expressions.convert_(operands.get(3), int.class)};
        return Expressions.call(TextFunctions.class, method, arguments);
      }, NullPolicy.NONE, false);
    }
  }
}
