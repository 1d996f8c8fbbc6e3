package dev.azimuth.planner.rel;

/**
 * What a statement's hints say about vector searches, handed to the rules through the
 * planner's context.
 *
 * @param exact          {@code /*+ EXACT *}{@code /}: never use an index
 * @param efSearch       {@code /*+ ANN(ef_search=n) *}{@code /}, or 0 to take the session's
 *                       setting at execution time
 * @param sessionEfSearch the session's setting when the statement was planned; shown by
 *                       EXPLAIN only, since a cached plan runs with each session's own setting
 */
public record SearchHints(boolean exact, int efSearch, int sessionEfSearch) {
  public static final SearchHints NONE =
      new SearchHints(false, 0, dev.azimuth.planner.Session.DEFAULT_EF_SEARCH);

  /** The beam width EXPLAIN shows. */
  int shownEfSearch() {
    return efSearch > 0 ? efSearch : sessionEfSearch;
  }
}
