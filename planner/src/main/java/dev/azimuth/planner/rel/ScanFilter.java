package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.ColumnFilter;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A filter a row-id scan evaluates itself, on the segments' column arrays
 * ({@link ColumnFilter}), instead of a Calcite Filter over a row per table row: AND, OR and NOT
 * of comparisons ({@code = <> < <= > >=}, ranges and IN lists) between a numeric, VARCHAR or
 * BOOLEAN column and a literal or a {@code ?} parameter, and IS [NOT] NULL. Anything else
 * (functions, casts of the column, DATE and TIMESTAMP columns) stays a Calcite Filter.
 *
 * @param condition the condition over the scan's fields, as EXPLAIN shows it
 * @param program   the {@link ColumnFilter} program, over table column indexes
 * @param operands  each operand: a literal's value in storage's Java form, or a
 *                  {@link RexDynamicParam} bound at execution
 */
record ScanFilter(RexNode condition, String program, List<Object> operands) {

  /** The pushed form of {@code condition} over a scan of {@code columns}, or null. */
  static @Nullable ScanFilter of(RexBuilder rexBuilder, RexNode condition, TableDef def,
      int[] columns) {
    Writer writer = new Writer(rexBuilder, def, columns);
    return writer.write(condition) ? new ScanFilter(condition, writer.program.toString().trim(),
        List.copyOf(writer.operands)) : null;
  }

  /** The operands as an {@code Object[]} expression for generated code. */
  Expression operandsExpression(Expression root) {
    List<Expression> values = new ArrayList<>();
    for (Object operand : operands) {
      values.add(operand instanceof RexDynamicParam p
          ? Expressions.call(root, "get", Expressions.constant("?" + p.getIndex()))
          : Expressions.constant(operand));
    }
    return Expressions.newArrayInit(Object.class, values);
  }

  /**
   * The table column a field reference (over a scan of {@code columns}) reads, or -1 if it is
   * not a plain column of a type the filter compares (VECTOR, DATE and TIMESTAMP are not).
   */
  static int column(TableDef def, int[] columns, RexNode node) {
    if (!(node instanceof RexInputRef ref)) {
      return -1;
    }
    int column = columns[ref.getIndex()];
    ColumnType type = def.columns().get(column).type();
    return type == ColumnType.VECTOR || type == ColumnType.DATE
        || type == ColumnType.TIMESTAMP ? -1 : column;
  }

  /**
   * A constant compared with a column of {@code type} as an operand: a non-null literal's
   * value in storage's Java form, or the {@link RexDynamicParam}; null when it is neither or
   * its type does not compare with the column's.
   */
  static @Nullable Object operand(ColumnType type, RexNode constant) {
    if (constant instanceof RexDynamicParam param) {
      return compatible(type, param.getType().getSqlTypeName()) ? param : null;
    }
    if (constant instanceof RexLiteral literal && !literal.isNull()) {
      return compatible(type, literal.getTypeName()) ? value(literal) : null;
    }
    return null;
  }

  private static boolean compatible(ColumnType column, SqlTypeName constant) {
    SqlTypeFamily family = constant.getFamily();
    return switch (column) {
      case INTEGER, BIGINT, REAL, DOUBLE, DECIMAL -> family == SqlTypeFamily.NUMERIC;
      case VARCHAR -> family == SqlTypeFamily.CHARACTER;
      case BOOLEAN -> family == SqlTypeFamily.BOOLEAN;
      default -> false;
    };
  }

  /** A literal in the form {@link ColumnFilter} compares: Long, BigDecimal, Double, String. */
  private static Object value(RexLiteral literal) {
    SqlTypeFamily family = literal.getTypeName().getFamily();
    if (family == SqlTypeFamily.CHARACTER) {
      return literal.getValueAs(String.class);
    }
    if (family == SqlTypeFamily.BOOLEAN) {
      return literal.getValueAs(Boolean.class);
    }
    SqlTypeName name = literal.getTypeName();
    if (name == SqlTypeName.DOUBLE || name == SqlTypeName.FLOAT || name == SqlTypeName.REAL) {
      return literal.getValueAs(Double.class);
    }
    BigDecimal d = literal.getValueAs(BigDecimal.class);
    try {
      return d.longValueExact();
    } catch (ArithmeticException notIntegral) {
      return d;
    }
  }


  private static final class Writer {
    private final RexBuilder rexBuilder;
    private final TableDef def;
    private final int[] columns;
    final StringBuilder program = new StringBuilder();
    final List<Object> operands = new ArrayList<>();

    Writer(RexBuilder rexBuilder, TableDef def, int[] columns) {
      this.rexBuilder = rexBuilder;
      this.def = def;
      this.columns = columns;
    }

    boolean write(RexNode node) {
      if (!(node instanceof RexCall call)) {
        return false;
      }
      SqlKind kind = call.getKind();
      switch (kind) {
        case AND, OR -> {
          token(kind == SqlKind.AND ? "and" : "or").token(call.getOperands().size());
          for (RexNode operand : call.getOperands()) {
            if (!write(operand)) {
              return false;
            }
          }
          return true;
        }
        case NOT -> {
          token("not");
          return write(call.getOperands().get(0));
        }
        case SEARCH -> {
          return write(RexUtil.expandSearch(rexBuilder, null, call));
        }
        case IS_NULL, IS_NOT_NULL -> {
          int column = column(call.getOperands().get(0));
          if (column < 0) {
            return false;
          }
          if (kind == SqlKind.IS_NOT_NULL) {
            token("not");
          }
          token("null").token(column);
          return true;
        }
        case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN,
            GREATER_THAN_OR_EQUAL -> {
          return comparison(call);
        }
        default -> {
          return false;
        }
      }
    }

    private boolean comparison(RexCall call) {
      RexNode left = call.getOperands().get(0);
      RexNode right = call.getOperands().get(1);
      SqlKind kind = call.getKind();
      int column = column(left);
      RexNode constant = right;
      if (column < 0) {
        column = column(right);
        constant = left;
        kind = kind.reverse();
      }
      if (column < 0) {
        return false;
      }
      Object operand = operand(def.columns().get(column).type(), constant);
      if (operand == null) {
        return false;
      }
      String op = switch (kind) {
        case EQUALS -> "=";
        case NOT_EQUALS -> "<>";
        case LESS_THAN -> "<";
        case LESS_THAN_OR_EQUAL -> "<=";
        case GREATER_THAN -> ">";
        default -> ">=";
      };
      token("cmp").token(op).token(column).token(operands.size());
      operands.add(operand);
      return true;
    }

    private int column(RexNode node) {
      return ScanFilter.column(def, columns, node);
    }

    private Writer token(Object token) {
      program.append(token).append(' ');
      return this;
    }
  }
}
