package dev.azimuth.planner.runtime;

import dev.azimuth.index.text.Bm25;
import dev.azimuth.index.text.Bm25Scorer;
import dev.azimuth.index.text.TextAnalyzer;
import dev.azimuth.index.text.TextAnalyzers;
import dev.azimuth.index.text.TextQuery;
import dev.azimuth.storage.IndexDef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one execution knows about the text columns it searches: each column's analyzer (its
 * FULLTEXT index's, else {@code standard}) and index, each query analyzed once, and each BM25
 * scorer with its statistics counted once over the execution's read view of the table, so that
 * every row of a statement is scored against the same statistics. Thread-safe: a hybrid
 * search's inputs may search text at once through one {@link ExecutionContext}.
 */
public final class TextContext {
  /** A text column: its analyzer, and its FULLTEXT index's id or -1. */
  record Column(TextAnalyzer analyzer, long indexId) {}

  private record ColumnKey(long tableId, int column) {}

  private record QueryKey(long tableId, int column, String query) {}

  private final ExecutionContext context;
  private final Map<ColumnKey, Column> columns = new ConcurrentHashMap<>();
  private final Map<QueryKey, TextQuery> queries = new ConcurrentHashMap<>();
  private final Map<QueryKey, Bm25Scorer> scorers = new ConcurrentHashMap<>();

  TextContext(ExecutionContext context) {
    this.context = context;
  }

  /** The column's analyzer and FULLTEXT index, as the catalog has them now. */
  Column column(long tableId, int column) {
    return columns.computeIfAbsent(new ColumnKey(tableId, column), k -> {
      for (IndexDef index : context.database().indexes()) {
        if (index.fullText() && index.tableId() == tableId && index.column() == column) {
          return new Column(index.text().textAnalyzer(), index.id());
        }
      }
      return new Column(TextAnalyzers.standard(), -1);
    });
  }

  /** {@code text} analyzed as the column's texts are. */
  TextQuery query(long tableId, int column, String text) {
    return queries.computeIfAbsent(new QueryKey(tableId, column, text),
        k -> TextQuery.of(column(tableId, column).analyzer(), text));
  }

  /** Scores for {@code text} against the statistics of the column's live rows. */
  Bm25Scorer scorer(long tableId, int column, String text) {
    return scorers.computeIfAbsent(new QueryKey(tableId, column, text), k -> {
      TextQuery query = query(tableId, column, text);
      Column c = column(tableId, column);
      return Bm25.scorer(query, Bm25.statistics(query,
          TextSegments.of(context.view(tableId), column, c.indexId(), c.analyzer())));
    });
  }
}
