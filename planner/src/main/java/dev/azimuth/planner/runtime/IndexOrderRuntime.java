package dev.azimuth.planner.runtime;

import dev.azimuth.index.sorted.SortedOrdinals;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.ValueOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * The first rows of a table in a BTREE index's key order, for generated code: each segment
 * yields its passing rows in key order (a sealed one by walking its sorted ordinals, others by
 * sorting theirs), and a merge of the segments stops after {@code limit} rows.
 */
public final class IndexOrderRuntime {
  private static final int CANCEL_CHECK_INTERVAL = 4096;

  private IndexOrderRuntime() {}

  /**
   * The first {@code limit} live rows, projected to {@code columns}, that pass {@code program}
   * (empty for none) and {@code probe}'s predicates, in the order of the key columns after the
   * probe's equalities; descending reverses it (NULLs then come first).
   */
  public static Enumerable<Object[]> scan(DataContext root, long tableId, int[] columns,
      IndexProbe probe, Object[] probeOperands, String program, Object[] operands,
      boolean descending, long limit) {
    ExecutionContext context = (ExecutionContext) root;
    ColumnFilter filter = program.isEmpty() ? null : ColumnFilter.of(program);
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object[]> enumerator() {
        return Linq4j.enumerator(rows(context, tableId, columns, probe, probeOperands, filter,
            operands, descending, limit));
      }
    };
  }

  private static List<Object[]> rows(ExecutionContext context, long tableId, int[] columns,
      IndexProbe probe, Object[] probeOperands, ColumnFilter filter, Object[] operands,
      boolean descending, long limit) {
    context.checkCancelled();
    ReadView view = context.view(tableId);
    int[] keys = probe.keyColumns();
    int first = probe.equalities();
    Comparator<Cursor> order = (a, b) -> {
      for (int i = first; i < keys.length; i++) {
        int r = ValueOrder.compare(a.segment.value(keys[i], a.ordinal),
            b.segment.value(keys[i], b.ordinal));
        if (r != 0) {
          return descending ? -r : r;
        }
      }
      return 0;
    };
    PriorityQueue<Cursor> queue = new PriorityQueue<>(order);
    int[] checked = {0};
    for (SegmentView segment : view.segments()) {
      SortedOrdinals sorted = view.sortedIndex(segment.id(), probe.indexId());
      Cursor cursor = sorted != null
          ? new Cursor(segment, sorted, probe.runs(segment, sorted, probeOperands), descending)
          : new Cursor(segment, sortedPassing(segment, keys, first, filter, operands), descending);
      cursor.filter = filter;
      cursor.operands = operands;
      cursor.context = context;
      cursor.checked = checked;
      if (cursor.advance()) {
        queue.add(cursor);
      }
    }
    List<Object[]> rows = new ArrayList<>();
    while (rows.size() < limit && !queue.isEmpty()) {
      Cursor c = queue.poll();
      rows.add(SegmentCells.row(view.definition(), c.segment, columns, c.ordinal, 0));
      if (c.advance()) {
        queue.add(c);
      }
    }
    return rows;
  }

  /** A segment without the index: its live passing ordinals, sorted by the key. */
  private static int[] sortedPassing(SegmentView segment, int[] keys, int first,
      ColumnFilter filter, Object[] operands) {
    List<Integer> passing = new ArrayList<>();
    for (int o = 0, n = segment.size(); o < n; o++) {
      if (segment.isLive(o) && (filter == null || filter.test(segment, o, operands))) {
        passing.add(o);
      }
    }
    passing.sort((a, b) -> {
      for (int i = first; i < keys.length; i++) {
        int r = ValueOrder.compare(segment.value(keys[i], a), segment.value(keys[i], b));
        if (r != 0) {
          return r;
        }
      }
      return 0;
    });
    return passing.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * One segment's rows in key order: positions of its sorted ordinals (the runs, walked
   * backwards when descending), or an explicit sorted list (already filtered).
   */
  private static final class Cursor {
    final SegmentView segment;
    final SortedOrdinals sorted;
    final List<IndexProbe.Run> runs;
    final int[] listed;
    final boolean descending;
    ColumnFilter filter;
    Object[] operands;
    ExecutionContext context;
    int[] checked;
    int run;
    int position;
    int ordinal;

    Cursor(SegmentView segment, SortedOrdinals sorted, List<IndexProbe.Run> runs,
        boolean descending) {
      this.segment = segment;
      this.sorted = sorted;
      this.runs = descending ? runs.reversed() : runs;
      this.listed = null;
      this.descending = descending;
      this.run = 0;
      this.position = runs.isEmpty() ? 0 : start(this.runs.get(0));
    }

    Cursor(SegmentView segment, int[] listed, boolean descending) {
      this.segment = segment;
      this.sorted = null;
      this.runs = null;
      this.listed = listed;
      this.descending = descending;
      this.position = descending ? listed.length - 1 : 0;
    }

    private int start(IndexProbe.Run r) {
      return descending ? r.to() - 1 : r.from();
    }

    /** Moves to the next row in order; false when there is none. */
    boolean advance() {
      if (listed != null) {
        if (position < 0 || position >= listed.length) {
          return false;
        }
        ordinal = listed[position];
        position += descending ? -1 : 1;
        return true;
      }
      while (run < runs.size()) {
        IndexProbe.Run r = runs.get(run);
        while (descending ? position >= r.from() : position < r.to()) {
          int o = sorted.ordinal(position);
          position += descending ? -1 : 1;
          if (++checked[0] % CANCEL_CHECK_INTERVAL == 0) {
            context.checkCancelled();
          }
          if (segment.isLive(o) && (filter == null || filter.test(segment, o, operands))) {
            ordinal = o;
            return true;
          }
        }
        if (++run < runs.size()) {
          position = start(runs.get(run));
        }
      }
      return false;
    }
  }
}
