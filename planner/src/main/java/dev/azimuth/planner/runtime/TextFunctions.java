package dev.azimuth.planner.runtime;

import org.apache.calcite.DataContext;

/**
 * The row-by-row implementations of {@code TEXT_MATCH} and {@code BM25}, for generated code:
 * wherever a plan evaluates them on a row rather than through a text search. The column's
 * analyzer and, for BM25, the table's statistics come from the execution's
 * {@link TextContext}, so a score here equals the one a text search returns for the same row.
 */
public final class TextFunctions {
  private TextFunctions() {}

  /**
   * {@code TEXT_MATCH(text, query)} over column {@code column} of table {@code tableId}: true
   * when the text contains at least one query term; false for a NULL text or query.
   */
  public static boolean textMatch(DataContext root, String text, String query, long tableId,
      int column) {
    if (text == null || query == null) {
      return false;
    }
    return ((ExecutionContext) root).text().query(tableId, column, query).matches(text);
  }

  /**
   * {@code BM25(text, query)} over column {@code column} of table {@code tableId}: the BM25
   * score with IDF and average length over the table's live rows; 0 when no query term occurs,
   * or the text or the query is NULL.
   */
  public static double bm25(DataContext root, String text, String query, long tableId,
      int column) {
    if (text == null || query == null) {
      return 0;
    }
    return ((ExecutionContext) root).text().scorer(tableId, column, query).score(text);
  }
}
