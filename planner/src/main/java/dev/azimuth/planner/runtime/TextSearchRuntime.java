package dev.azimuth.planner.runtime;

import dev.azimuth.index.text.Bm25;
import dev.azimuth.index.text.TextHit;
import dev.azimuth.index.text.TextSegment;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.SegmentView;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * BM25 top-k over a table's segments, for generated code. Every segment takes part: a sealed
 * segment whose text index is ready through its postings, any other by analyzing its texts, and
 * IDF and average length count the live rows of all of them, so a score does not depend on how
 * the rows are split or which segments are indexed, and equals what {@code BM25(...)} computes
 * row by row. Candidates are the live rows that pass the statement's other conjuncts (the input)
 * and its TEXT_MATCH conjuncts (answered through the same segments); among them the best k by
 * score come first, and if fewer than k contain a query term, candidates that contain none follow
 * with score 0, as an ORDER BY over every row would have them.
 */
public final class TextSearchRuntime {
  private TextSearchRuntime() {}

  /**
   * The rows ranked {@code offset+1 .. offset+fetch} by BM25 score for {@code query}: each a
   * table row (the columns in {@code read}) followed by the score.
   *
   * @param query        the words (a String), or null: nothing scores above 0
   * @param useIndexes   search the columns' FULLTEXT indexes where ready (false: EXACT hint)
   * @param matchColumns the columns of the TEXT_MATCH conjuncts
   * @param matchQueries their words, one per column (null matches nothing)
   * @param read         the table columns to fill in; the others stay null
   * @param filterRows   rows that pass the statement's other conjuncts, each ending with its row
   *                     id, or null when there are none
   */
  public static Enumerable<Object[]> search(DataContext root, long tableId, int column,
      Object query, int offset, int fetch, boolean useIndexes, int[] matchColumns,
      Object[] matchQueries, int[] read, Enumerable<Object[]> filterRows) {
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object[]> enumerator() {
        ExecutionContext context = (ExecutionContext) root;
        return Linq4j.enumerator(run(context, tableId, column, (String) query, offset, fetch,
            useIndexes, matchColumns, matchQueries, read, filterRows));
      }
    };
  }

  private static List<Object[]> run(ExecutionContext context, long tableId, int column,
      String query, int offset, int fetch, boolean useIndexes, int[] matchColumns,
      Object[] matchQueries, int[] read, Enumerable<Object[]> filterRows) {
    ReadView view = context.view(tableId);
    TextContext text = context.text();
    Map<Integer, BitSet> candidates = filterRows == null ? null
        : VectorSearchRuntime.acceptedRows(filterRows);
    // A TEXT_MATCH on the ranked column with the ranking words needs no pass of its own: the
    // search returns only rows with a query term, and no zero-score row may follow them.
    boolean matchesOnly = false;
    for (int i = 0; i < matchColumns.length; i++) {
      String words = (String) matchQueries[i];
      if (words == null) {
        return List.of();
      }
      if (matchColumns[i] == column && words.equals(query)) {
        matchesOnly = true;
        continue;
      }
      candidates = TextMatches.matching(context, view, tableId, matchColumns[i], words,
          useIndexes, candidates);
    }
    int k = offset + fetch;
    List<TextHit> hits = List.of();
    if (query != null) {
      TextContext.Column c = text.column(tableId, column);
      List<TextSegment> segments = TextSegments.of(view, column,
          useIndexes ? c.indexId() : -1, c.analyzer());
      Map<Integer, BitSet> accepted = candidates;
      hits = Bm25.search(text.query(tableId, column, query), segments, k,
          accepted == null ? null : segment -> {
            BitSet passing = accepted.get(segment);
            return passing == null ? o -> false : passing::get;
          });
    }
    List<Long> order = new ArrayList<>(k);
    List<Double> scores = new ArrayList<>(k);
    for (TextHit hit : hits) {
      order.add(ReadView.rowId(hit.segment(), hit.ordinal()));
      scores.add(hit.score());
    }
    if (!matchesOnly && order.size() < k) {
      padWithZeros(view, candidates, k, order, scores);
    }
    int width = view.definition().columns().size();
    List<Object[]> rows = new ArrayList<>(fetch);
    for (int i = offset; i < Math.min(k, order.size()); i++) {
      Object[] values = view.getByRowId(order.get(i), read);
      Object[] out = new Object[width + 1];
      for (int r = 0; r < read.length; r++) {
        out[read[r]] = values[r];
      }
      out[width] = scores.get(i);
      rows.add(out);
    }
    return rows;
  }

  /**
   * Appends candidates that are not hits, with score 0, until there are {@code k}: in segment
   * id order, then ordinal order, the order ties among hits take.
   */
  private static void padWithZeros(ReadView view, Map<Integer, BitSet> candidates, int k,
      List<Long> order, List<Double> scores) {
    Set<Long> hit = new HashSet<>(order);
    List<SegmentView> segments = new ArrayList<>(view.segments());
    segments.sort(Comparator.comparingInt(SegmentView::id));
    for (SegmentView seg : segments) {
      BitSet passing = candidates == null ? null : candidates.get(seg.id());
      if (candidates != null && passing == null) {
        continue;
      }
      for (int o = passing == null ? 0 : passing.nextSetBit(0);
          o >= 0 && o < seg.size() && order.size() < k;
          o = passing == null ? o + 1 : passing.nextSetBit(o + 1)) {
        long rowId = ReadView.rowId(seg.id(), o);
        if (seg.isLive(o) && !hit.contains(rowId)) {
          order.add(rowId);
          scores.add(0.0);
        }
      }
    }
  }
}
