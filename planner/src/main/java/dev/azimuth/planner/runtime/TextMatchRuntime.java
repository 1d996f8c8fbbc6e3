package dev.azimuth.planner.runtime;

import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.SegmentView;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The rows of a table that satisfy TEXT_MATCH conjuncts, for generated code: the conjuncts are
 * answered through each segment's text index where one is ready (by analysis elsewhere), and
 * only the matching rows are read, from memory: in key order, as the table scan it replaces
 * yields them, or, with row ids, segment by segment.
 */
public final class TextMatchRuntime {
  private static final int CANCEL_CHECK_INTERVAL = 4096;

  private TextMatchRuntime() {}

  /**
   * The live rows whose text in every {@code matchColumns[i]} contains a term of
   * {@code matchQueries[i]}, projected to {@code columns}: in key order, or, when
   * {@code withRowId}, segment by segment, each followed by its row id.
   *
   * @param matchQueries the words of each conjunct (null matches nothing)
   */
  public static Enumerable<Object[]> scan(DataContext root, long tableId, int[] columns,
      boolean withRowId, int[] matchColumns, Object[] matchQueries) {
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object[]> enumerator() {
        ExecutionContext context = (ExecutionContext) root;
        ReadView view = context.view(tableId);
        Map<Integer, BitSet> matches = null;
        for (int i = 0; i < matchColumns.length; i++) {
          String words = (String) matchQueries[i];
          matches = words == null ? Map.of() : TextMatches.matching(context, view, tableId,
              matchColumns[i], words, true, matches);
        }
        long[] rowIds = rowIds(view, matches == null ? Map.of() : matches, !withRowId);
        return new Rows(context, view, rowIds, columns, withRowId);
      }
    };
  }

  /** The matching rows' ids, in segment order or in key order. */
  private static long[] rowIds(ReadView view, Map<Integer, BitSet> matches, boolean keyOrder) {
    List<SegmentView> segments = view.segments();
    int count = 0;
    for (SegmentView seg : segments) {
      BitSet found = matches.get(seg.id());
      count += found == null ? 0 : found.cardinality();
    }
    long[] rowIds = new long[count];
    Object[] keys = keyOrder ? new Object[count] : null;
    int n = 0;
    for (SegmentView seg : segments) {
      BitSet found = matches.get(seg.id());
      for (int o = found == null ? -1 : found.nextSetBit(0); o >= 0; o = found.nextSetBit(o + 1)) {
        if (keyOrder) {
          // Strings in UTF-8 byte order, as the table's rows are stored and scanned.
          Object key = seg.key(o);
          keys[n] = key instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : key;
        }
        rowIds[n++] = ReadView.rowId(seg.id(), o);
      }
    }
    if (!keyOrder) {
      return rowIds;
    }
    Integer[] order = new Integer[count];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> compareKeys(keys[a], keys[b]));
    long[] sorted = new long[count];
    for (int i = 0; i < count; i++) {
      sorted[i] = rowIds[order[i]];
    }
    return sorted;
  }

  @SuppressWarnings("unchecked")
  private static int compareKeys(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    return ((Comparable<Object>) a).compareTo(b);
  }

  /** Reads the rows at the given ids. */
  private static final class Rows implements Enumerator<Object[]> {
    private final ExecutionContext context;
    private final ReadView view;
    private final long[] rowIds;
    private final int[] columns;
    private final boolean withRowId;
    private int next;
    private Object[] current;

    Rows(ExecutionContext context, ReadView view, long[] rowIds, int[] columns,
        boolean withRowId) {
      this.context = context;
      this.view = view;
      this.rowIds = rowIds;
      this.columns = columns;
      this.withRowId = withRowId;
    }

    @Override public Object[] current() {
      return current;
    }

    @Override public boolean moveNext() {
      if (next >= rowIds.length) {
        return false;
      }
      if (next % CANCEL_CHECK_INTERVAL == CANCEL_CHECK_INTERVAL - 1) {
        context.checkCancelled();
      }
      long rowId = rowIds[next++];
      Object[] values = view.getByRowId(rowId, columns);
      if (withRowId) {
        values = Arrays.copyOf(values, columns.length + 1);
        values[columns.length] = rowId;
      }
      current = values;
      return true;
    }

    @Override public void reset() {
      next = 0;
    }

    @Override public void close() {}
  }
}
