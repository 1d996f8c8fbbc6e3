package dev.azimuth.planner.runtime;

import dev.azimuth.index.text.TextQuery;
import dev.azimuth.index.text.TextSegment;
import dev.azimuth.storage.ReadView;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/** TEXT_MATCH answered for a whole table at once, through its segments' indexes. Stateless. */
final class TextMatches {
  private TextMatches() {}

  /**
   * The candidates (all live rows when null) whose text in {@code column} contains a term of
   * {@code words}, as ordinal sets per segment id; a segment absent from the result has none.
   *
   * @param useIndexes search the column's FULLTEXT index where ready (false: analyze every row)
   */
  static Map<Integer, BitSet> matching(ExecutionContext context, ReadView view, long tableId,
      int column, String words, boolean useIndexes, Map<Integer, BitSet> candidates) {
    TextContext.Column c = context.text().column(tableId, column);
    TextQuery query = context.text().query(tableId, column, words);
    Map<Integer, BitSet> out = new HashMap<>();
    for (TextSegment segment : TextSegments.of(view, column, useIndexes ? c.indexId() : -1,
        c.analyzer())) {
      BitSet passing = candidates == null ? null : candidates.get(segment.id());
      if (candidates != null && passing == null) {
        continue;
      }
      BitSet found = new BitSet();
      for (int ordinal : segment.matching(query, passing == null ? null : passing::get)) {
        found.set(ordinal);
      }
      out.put(segment.id(), found);
    }
    return out;
  }
}
