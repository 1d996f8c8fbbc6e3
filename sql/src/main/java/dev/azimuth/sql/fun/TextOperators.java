package dev.azimuth.sql.fun;

import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlQualified;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The full-text functions of the dialect, one instance of each:
 * {@code TEXT_MATCH(column, 'words')}, true when the row's text contains at least one of the
 * words after analysis (false for NULL text or a NULL query), and {@code BM25(column, 'words')},
 * the row's BM25 score against the words (0 when it contains none, its text is NULL or the query
 * is NULL). Both need a VARCHAR column of a stored table as their first argument: the analyzer
 * and the BM25 statistics belong to that column.
 */
public final class TextOperators {
  private TextOperators() {}

  public static final SqlFunction TEXT_MATCH = new SqlFunction("TEXT_MATCH",
      SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN, new TextArguments(), new TextArguments(),
      SqlFunctionCategory.STRING);

  public static final SqlFunction BM25 = new SqlFunction("BM25", SqlKind.OTHER_FUNCTION,
      ReturnTypes.DOUBLE, new TextArguments(), new TextArguments(), SqlFunctionCategory.NUMERIC);

  /** Every operator above, for the operator table. */
  public static List<SqlOperator> all() {
    return List.of(TEXT_MATCH, BM25);
  }

  /**
   * The stored table and column that the first argument of a text function names.
   *
   * @param table  the table, as the validator's catalog resolved it
   * @param column the column's name, as stored
   */
  public record TextColumn(SqlValidatorTable table, String column) {}

  /**
   * {@link #TEXT_MATCH} or {@link #BM25} after validation: validation resolves the first
   * argument in its scope (the one place that knows which table an alias stands for) and puts
   * this in the call's place, so that conversion knows the stored column without resolving
   * names again. It types and checks calls exactly as the function it stands for.
   */
  public static final class ResolvedTextFunction extends SqlFunction {
    private final SqlFunction function;
    private final List<String> table;
    private final String column;

    ResolvedTextFunction(SqlFunction function, List<String> table, String column) {
      super(function.getName(), function.getKind(), function.getReturnTypeInference(),
          function.getOperandTypeInference(), function.getOperandTypeChecker(),
          function.getFunctionType());
      this.function = function;
      this.table = List.copyOf(table);
      this.column = column;
    }

    /** {@link #TEXT_MATCH} or {@link #BM25}. */
    public SqlFunction function() {
      return function;
    }

    /** The table's fully qualified name. */
    public List<String> table() {
      return table;
    }

    /** The column's name, as stored. */
    public String column() {
      return column;
    }
  }

  /**
   * Resolves {@code operand} in {@code scope} to a column of a stored table; null when it is
   * not a plain column reference or its relation is not a table (a subquery, a VALUES list).
   */
  public static @Nullable TextColumn resolve(SqlValidatorScope scope, SqlNode operand) {
    if (!(operand instanceof SqlIdentifier id) || id.isStar()) {
      return null;
    }
    SqlQualified qualified = scope.fullyQualify(id);
    if (qualified.namespace == null || qualified.suffix().size() != 1) {
      return null;
    }
    SqlValidatorTable table = qualified.namespace.getTable();
    return table == null ? null : new TextColumn(table, qualified.suffix().get(0));
  }
}
