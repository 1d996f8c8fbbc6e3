package dev.azimuth.sql.fusion;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.fun.VectorOperators;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlValidator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One ranked input of a fusion, as validation sees it: the column holding the value it is
 * ordered by (its score), the direction of that order, and what the value measures when the
 * planner can tell from the ORDER BY expression's operator.
 *
 * @param scoreField the input's column holding its first ORDER BY key
 * @param descending whether that key sorts largest first
 * @param nullsFirst whether rows whose key is NULL come first
 * @param rankedBy   a vector distance's function name ({@code L2_DISTANCE}, ...) or
 *                   {@code BM25}; null when the key is anything else
 */
public record RankedInput(int scoreField, boolean descending, boolean nullsFirst,
    @Nullable String rankedBy) {
  /**
   * The alias under which {@link #prepare} selects an ORDER BY key the query does not select:
   * the fusion reads every input's score from a column.
   */
  public static final String SCORE_ALIAS = "FUSION$SCORE";

  /** The function name of the BM25 score, whose operator the full-text functions define. */
  public static final String BM25 = "BM25";

  /** Whether the input lists its best rows first for what it measures (nearest, top score). */
  public boolean bestFirst() {
    return rankedBy == null
        || descending == (rankedBy.equals(BM25) || rankedBy.equals("INNER_PRODUCT"));
  }

  /**
   * Before validation: makes sure the first ORDER BY key of {@code select} is one of its
   * columns, by selecting it as {@link #SCORE_ALIAS} and ordering by that alias when the key is
   * an expression the select list does not hold. Ordinals and aliases already name a column.
   * Idempotent.
   */
  static void prepare(SqlValidator validator, SqlSelect select) {
    SqlNodeList order = select.getOrderList();
    if (order == null || order.isEmpty()) {
      return;
    }
    SqlNode item = order.get(0);
    SqlNode key = strip(item);
    if (key instanceof SqlNumericLiteral || (key instanceof SqlIdentifier id && id.isSimple()
        && selects(validator.getCatalogReader().nameMatcher(), select.getSelectList(),
            id.getSimple()))) {
      return;
    }
    SqlParserPos pos = key.getParserPosition();
    SqlIdentifier alias = new SqlIdentifier(SCORE_ALIAS, pos);
    select.getSelectList().add(SqlStdOperatorTable.AS.createCall(pos, key, alias));
    order.set(0, replaceKey(item, alias));
  }

  /** After validation: the facts of a prepared, validated input whose columns are {@code row}. */
  static RankedInput of(SqlValidator validator, SqlSelect select, RelDataType row) {
    SqlNode item = select.getOrderList().get(0);
    SqlNode key = strip(item);
    int field;
    if (key instanceof SqlNumericLiteral ordinal) {
      field = ordinal.intValue(true) - 1;
    } else {
      RelDataTypeField f = validator.getCatalogReader().nameMatcher()
          .field(row, ((SqlIdentifier) key).getSimple());
      if (f == null) {
        throw new SqlValidationException(ErrorCode.INTERNAL_ERROR,
            "the ORDER BY key of a fusion input names no column", key.getParserPosition());
      }
      field = f.getIndex();
    }
    boolean descending = isWrappedIn(item, SqlKind.DESCENDING);
    boolean nullsFirst = isWrappedIn(item, SqlKind.NULLS_FIRST)
        || !isWrappedIn(item, SqlKind.NULLS_LAST)
        && !validator.config().defaultNullCollation().last(descending);
    SqlNode expression = validator.expandOrderExpr(select, key);
    return new RankedInput(field, descending, nullsFirst, measureOf(expression));
  }

  private static @Nullable String measureOf(SqlNode expression) {
    SqlNode e = expression;
    while (e.getKind() == SqlKind.AS || e.getKind() == SqlKind.CAST) {
      e = ((SqlCall) e).operand(0);
    }
    if (!(e instanceof SqlCall call)) {
      return null;
    }
    SqlOperator op = call.getOperator();
    if (op instanceof VectorOperators.SqlDistanceOperator d) {
      return d.distance().functionName();
    }
    if (op instanceof VectorOperators.SqlDistanceFunction d) {
      return d.distance().functionName();
    }
    return op.getName().toUpperCase(Locale.ROOT).equals(BM25) ? BM25 : null;
  }

  private static boolean selects(SqlNameMatcher names, SqlNodeList selectList, String name) {
    for (SqlNode item : selectList) {
      String itemName = item.getKind() == SqlKind.AS
          ? ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple()
          : item instanceof SqlIdentifier id && !id.isStar() ? last(id.names) : null;
      if (itemName != null && names.matches(itemName, name)) {
        return true;
      }
    }
    return false;
  }

  private static String last(List<String> names) {
    return names.get(names.size() - 1);
  }

  /** The sort key inside its DESC and NULLS FIRST/LAST wrappers. */
  static SqlNode strip(SqlNode item) {
    SqlNode e = item;
    while (isWrapper(e)) {
      e = ((SqlCall) e).operand(0);
    }
    return e;
  }

  private static boolean isWrapper(SqlNode e) {
    return e.getKind() == SqlKind.DESCENDING || e.getKind() == SqlKind.NULLS_FIRST
        || e.getKind() == SqlKind.NULLS_LAST;
  }

  private static boolean isWrappedIn(SqlNode item, SqlKind kind) {
    for (SqlNode e = item; isWrapper(e); e = ((SqlCall) e).operand(0)) {
      if (e.getKind() == kind) {
        return true;
      }
    }
    return false;
  }

  private static SqlNode replaceKey(SqlNode item, SqlNode key) {
    if (!isWrapper(item)) {
      return key;
    }
    SqlCall wrapper = (SqlCall) item;
    wrapper.setOperand(0, replaceKey(wrapper.operand(0), key));
    return wrapper;
  }
}
