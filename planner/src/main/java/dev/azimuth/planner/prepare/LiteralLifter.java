package dev.azimuth.planner.prepare;

import dev.azimuth.sql.LiteralParameter;
import dev.azimuth.sql.fun.TextOperators;
import dev.azimuth.sql.fun.VectorDistance;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.dialect.AnsiSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Replaces the literals of a parsed query that are plain values with {@link LiteralParameter}s,
 * so that queries differing only in those values have one shape and can share a plan.
 *
 * <p>Deliberately narrow: only a literal compared ({@code = <> < <= > >=}) with a column,
 * vector text given to a distance function or operator, and the words of {@code TEXT_MATCH} and
 * {@code BM25}, where the parameter's type follows from the column or the function. Everything that can change a plan's shape stays literal:
 * LIMIT and OFFSET, hints, ordinals in ORDER BY and GROUP BY, CAST targets, intervals, NULL,
 * booleans, and literals anywhere else. Lifted parameters are numbered after the client's
 * {@code ?}s, so those keep their indexes. Stateless.
 */
public final class LiteralLifter {
  private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
      SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL);

  /**
   * A query after lifting.
   *
   * @param shape          the query's text with {@code ?} for every lifted literal, followed by
   *                       the literals' kinds: equal for queries that can share a plan
   * @param userParameters the client's {@code ?}s, numbered 0 to userParameters - 1
   * @param kinds          each lifted literal's kind, in parameter order
   * @param values         each lifted literal's value, as {@link ParameterBinder} takes it
   */
  public record Lifted(String shape, int userParameters, List<LiteralKind> kinds,
      List<Object> values) {}

  private LiteralLifter() {}

  /** Lifts literals out of {@code query}, rewriting it; null if there were none to lift. */
  public static @Nullable Lifted lift(SqlNode query) {
    int[] userParameters = {0};
    query.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlDynamicParam param) {
        userParameters[0] = Math.max(userParameters[0], param.getIndex() + 1);
        return null;
      }
    });
    List<LiteralKind> kinds = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    query.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlCall call) {
        if (call instanceof SqlHint) {
          return null;
        }
        if (call instanceof SqlBasicCall basic) {
          if (COMPARISONS.contains(call.getKind()) && call.operandCount() == 2) {
            liftComparedWithColumn(basic, 0, 1);
            liftComparedWithColumn(basic, 1, 0);
          } else if (isDistance(call)) {
            for (int i = 0; i < call.operandCount(); i++) {
              if (call.operand(i) instanceof SqlCharStringLiteral text) {
                lift(basic, i, LiteralKind.VECTOR_TEXT, text.getValueAs(String.class));
              }
            }
          } else if (isTextFunction(call)
              && call.operand(1) instanceof SqlCharStringLiteral words) {
            lift(basic, 1, LiteralKind.STRING, words.getValueAs(String.class));
          }
        }
        return super.visit(call);
      }

      private void liftComparedWithColumn(SqlBasicCall call, int literal, int column) {
        if (call.operand(column) instanceof SqlIdentifier id && !id.isStar()) {
          SqlNode operand = resolved(call.operand(literal));
          LiteralKind kind = kindOf(operand);
          if (kind != null) {
            lift(call, literal, kind, valueOf(operand, kind));
          }
        }
      }

      private void lift(SqlBasicCall call, int operand, LiteralKind kind, Object value) {
        int index = userParameters[0] + kinds.size();
        call.setOperand(operand, new LiteralParameter(index, call.operand(operand)
            .getParserPosition()));
        kinds.add(kind);
        values.add(value);
      }
    });
    if (kinds.isEmpty()) {
      return null;
    }
    String text = query.toSqlString(AnsiSqlDialect.DEFAULT).getSql();
    return new Lifted(text + "\n-- " + kinds, userParameters[0], List.copyOf(kinds),
        List.copyOf(values));
  }

  private static boolean isDistance(SqlCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    for (VectorDistance d : VectorDistance.values()) {
      if (name.equals(d.functionName()) || name.equals(d.operator())) {
        return true;
      }
    }
    return false;
  }

  /** {@code TEXT_MATCH(column, 'words')} or {@code BM25(column, 'words')}. */
  private static boolean isTextFunction(SqlCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    return call.operandCount() == 2
        && (name.equals(TextOperators.TEXT_MATCH.getName())
            || name.equals(TextOperators.BM25.getName()));
  }

  /** DATE and TIMESTAMP literals arrive untyped from the parser: type them as Calcite will. */
  private static SqlNode resolved(SqlNode node) {
    if (node instanceof SqlUnknownLiteral unknown) {
      String tag = unknown.tag.toUpperCase(Locale.ROOT);
      if (tag.equals("DATE") || tag.equals("TIMESTAMP")) {
        try {
          return unknown.resolve(SqlTypeName.valueOf(tag));
        } catch (RuntimeException e) {
          return node; // malformed: stays literal, and validation says what is wrong with it
        }
      }
    }
    return node;
  }

  private static @Nullable LiteralKind kindOf(SqlNode node) {
    return switch (node) {
      case SqlNumericLiteral n when !n.isExact() -> LiteralKind.APPROXIMATE;
      case SqlNumericLiteral n -> n.getScale() != null && n.getScale() == 0
          ? LiteralKind.INTEGER : LiteralKind.DECIMAL;
      case SqlCharStringLiteral s -> LiteralKind.STRING;
      case SqlDateLiteral d -> LiteralKind.DATE;
      // Calcite keeps timestamps as milliseconds: a finer literal stays as written.
      case SqlTimestampLiteral t when t.getTypeName() == SqlTypeName.TIMESTAMP
          && t.getPrec() <= 3 -> LiteralKind.TIMESTAMP;
      default -> null;
    };
  }

  private static Object valueOf(SqlNode node, LiteralKind kind) {
    return switch (kind) {
      case INTEGER, DECIMAL, APPROXIMATE -> ((SqlNumericLiteral) node).bigDecimalValue();
      case STRING, VECTOR_TEXT -> ((SqlCharStringLiteral) node).getValueAs(String.class);
      case DATE -> ((SqlLiteral) node).getValueAs(DateString.class).getDaysSinceEpoch();
      case TIMESTAMP -> ((SqlLiteral) node).getValueAs(TimestampString.class)
          .getMillisSinceEpoch();
    };
  }
}
