package dev.azimuth.planner.runtime;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.VectorGraph;
import dev.azimuth.index.search.ExactSearch;
import dev.azimuth.index.search.Neighbors;
import dev.azimuth.index.search.TopK;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.sql.fun.VectorDistance;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * k-nearest-neighbour search over a table's segments, for generated code. Each segment is
 * searched on its own and the per-segment top-k lists are merged: a sealed segment whose graph
 * is ready through the graph, with deleted, NULL and filtered-out ordinals masked by the accept
 * test; any other segment (the growing one, or a sealed one still being indexed) exactly. A
 * filtered search scans the passing rows exactly instead when few pass
 * ({@link FilteredSearchPolicy}), and a graph walk that finds fewer than k accepted rows where
 * more exist is redone exactly, so a query always returns k rows when k rows match.
 */
public final class VectorSearchRuntime {
  private VectorSearchRuntime() {}

  /**
   * The rows ranked {@code offset+1 .. offset+fetch} by distance to {@code query}: each a table
   * row (the columns in {@code read}) followed by the distance as the SQL function computes it.
   *
   * @param distance    a {@link VectorDistance} name: what the statement orders by
   * @param metric      a {@link Metric} name: what to rank by (smaller first)
   * @param negateQuery rank against the negated query (largest-first inner product orders)
   * @param nullsFirst  put rows whose vector is NULL before the ranked ones, not after
   * @param indexId     the index to search sealed segments with, or -1 for exact scans only
   * @param efSearch    the hinted beam width, or 0 for the session's
   * @param read        the table columns to fill in; the others stay null
   * @param filterRows  rows that pass the statement's filter, each ending with its row id, or
   *                    null to rank every row
   */
  public static Enumerable<Object[]> search(DataContext root, long tableId, int column,
      String distance, String metric, boolean negateQuery, boolean nullsFirst, Object query,
      int offset, int fetch, long indexId, int efSearch, int[] read,
      Enumerable<Object[]> filterRows) {
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object[]> enumerator() {
        ExecutionContext context = (ExecutionContext) root;
        int ef = efSearch > 0 ? efSearch : context.efSearch();
        return Linq4j.enumerator(run(context, tableId, column, VectorDistance.valueOf(distance),
            Metric.valueOf(metric), negateQuery, nullsFirst, query, offset, fetch, indexId, ef,
            read, filterRows));
      }
    };
  }

  private static List<Object[]> run(ExecutionContext context, long tableId, int column,
      VectorDistance distance, Metric metric, boolean negateQuery, boolean nullsFirst,
      Object query, int offset, int fetch, long indexId, int efSearch, int[] read,
      Enumerable<Object[]> filterRows) {
    ReadView view = context.view(tableId);
    TableDef def = view.definition();
    ColumnDef col = def.columns().get(column);
    float[] q = query == null ? null : (float[]) query;
    if (q != null && q.length != col.dimension()) {
      throw new PlanningException(ErrorCode.DATA_EXCEPTION, "the query vector has " + q.length
          + " dimensions but column " + col.name() + " has " + col.dimension());
    }
    Map<Integer, BitSet> accepted = filterRows == null ? null : acceptedRows(filterRows);
    int k = offset + fetch;
    float[] searchQuery = q == null ? null : negateQuery ? negate(q) : q;
    List<Neighbors> ranked = new ArrayList<>();
    List<Long> nulls = new ArrayList<>();
    for (SegmentView seg : view.segments()) {
      BitSet passing = accepted == null ? null : accepted.getOrDefault(seg.id(), new BitSet());
      IntPredicate candidate = o -> seg.isLive(o) && (passing == null || passing.get(o));
      if (q == null) {
        // A NULL query: every distance is NULL, and NULLs still come back, in row order.
        for (int o = 0; o < seg.size() && nulls.size() < k; o++) {
          if (candidate.test(o)) {
            nulls.add(ReadView.rowId(seg.id(), o));
          }
        }
        continue;
      }
      for (int o = 0; seg.hasNulls(column) && o < seg.size() && nulls.size() < k; o++) {
        if (seg.isNull(column, o) && candidate.test(o)) {
          nulls.add(ReadView.rowId(seg.id(), o));
        }
      }
      IntPredicate rankable = seg.hasNulls(column)
          ? o -> !seg.isNull(column, o) && candidate.test(o) : candidate;
      VectorGraph graph = indexId < 0 || !seg.sealed() ? null : view.graph(seg.id(), indexId);
      Neighbors found = searchSegment(seg, graph, col.dimension(), column, searchQuery, metric,
          k, efSearch, passing, rankable);
      long[] rowIds = new long[found.size()];
      float[] distances = new float[found.size()];
      for (int i = 0; i < rowIds.length; i++) {
        rowIds[i] = ReadView.rowId(seg.id(), (int) found.id(i));
        distances[i] = found.distance(i);
      }
      ranked.add(new Neighbors(rowIds, distances));
    }
    Neighbors best = TopK.merge(k, ranked);
    List<Long> order = new ArrayList<>(k);
    if (nullsFirst || q == null) {
      order.addAll(nulls);
    }
    for (int i = 0; i < best.size(); i++) {
      order.add(best.id(i));
    }
    if (!nullsFirst && q != null) {
      order.addAll(nulls);
    }
    Map<Integer, SegmentView> segments = new HashMap<>();
    for (SegmentView seg : view.segments()) {
      segments.put(seg.id(), seg);
    }
    int width = def.columns().size();
    int dimension = col.dimension();
    List<Object[]> rows = new ArrayList<>(fetch);
    for (int i = offset; i < Math.min(k, order.size()); i++) {
      long rowId = order.get(i);
      Object[] values = view.getByRowId(rowId, read);
      Object[] out = new Object[width + 1];
      for (int c = 0; c < read.length; c++) {
        out[read[c]] = values[c];
      }
      SegmentView seg = segments.get(ReadView.segmentOf(rowId));
      int ordinal = ReadView.ordinalOf(rowId);
      // In place: the vector itself is copied only when the statement selects it.
      out[width] = q == null || seg.isNull(column, ordinal) ? null
          : VectorFunctions.distanceAt(distance, seg.vectors(column), ordinal * dimension, q);
      rows.add(out);
    }
    return rows;
  }

  private static Neighbors searchSegment(SegmentView seg, VectorGraph graph, int dimension,
      int column, float[] query, Metric metric, int k, int efSearch, BitSet passing,
      IntPredicate rankable) {
    if (graph != null) {
      // How many rows could be returned: the walk must find min(k, that many).
      long candidates = passing == null ? seg.liveCount() : passing.cardinality();
      boolean walk = passing == null || !FilteredSearchPolicy.preferExact(candidates,
          seg.size(), Math.max(k, efSearch), graph.options().m(), graph.walkScoreCost());
      if (walk) {
        Neighbors found = graph.search(query, k, Math.max(k, efSearch), rankable);
        if (found.size() >= Math.min(k, candidates)) {
          return found;
        }
      }
    }
    return ExactSearch.search(seg.vectors(column), dimension, seg.size(), query, metric, k,
        rankable);
  }

  /** The row ids (last field of each row) of {@code rows}, as an ordinal set per segment. */
  static Map<Integer, BitSet> acceptedRows(Enumerable<?> rows) {
    if (rows instanceof ScanRuntime.FilteredScan scan) {
      return scan.passing();
    }
    Map<Integer, BitSet> accepted = new HashMap<>();
    // Rows come segment by segment: remember the current segment's set, not a lookup per row.
    int segment = -1;
    BitSet current = null;
    try (Enumerator<?> e = rows.enumerator()) {
      while (e.moveNext()) {
        Object row = e.current();
        long rowId = (Long) (row instanceof Object[] a ? a[a.length - 1] : row);
        if (current == null || ReadView.segmentOf(rowId) != segment) {
          segment = ReadView.segmentOf(rowId);
          current = accepted.computeIfAbsent(segment, s -> new BitSet());
        }
        current.set(ReadView.ordinalOf(rowId));
      }
    }
    return accepted;
  }


  private static float[] negate(float[] q) {
    float[] n = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      n[i] = -q[i];
    }
    return n;
  }
}
