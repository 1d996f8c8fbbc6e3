package dev.azimuth.planner.runtime;

import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowCursor;
import dev.azimuth.storage.SegmentView;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/** Table scans for generated code. */
public final class ScanRuntime {
  private static final int CANCEL_CHECK_INTERVAL = 4096;

  private ScanRuntime() {}

  /**
   * The table's rows projected to {@code columns}: in key order, or, when the row id is asked
   * for (vector search turning a filter into an accept-set), segment by segment from memory.
   */
  public static Enumerable<Object[]> scan(DataContext root, long tableId, int[] columns,
      boolean withRowId) {
    ExecutionContext context = (ExecutionContext) root;
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object[]> enumerator() {
        return new Enumerator<>() {
          private RowCursor cursor = open();
          private Object[] current;
          private int count;

          @Override public Object[] current() {
            return current;
          }

          @Override public boolean moveNext() {
            if (++count % CANCEL_CHECK_INTERVAL == 0) {
              context.checkCancelled();
            }
            if (!cursor.next()) {
              return false;
            }
            current = withRowId ? cursor.valuesAndRowId() : cursor.values();
            return true;
          }

          @Override public void reset() {
            cursor.close();
            cursor = open();
            count = 0;
          }

          @Override public void close() {
            cursor.close();
          }

          // Also checked here: a nested-loop join rescans its inner side once per outer row,
          // which may be far fewer rows than the interval.
          private RowCursor open() {
            context.checkCancelled();
            return withRowId ? context.view(tableId).scanBySegment(columns)
                : context.view(tableId).scan(columns);
          }
        };
      }
    };
  }

  /**
   * {@link #scan} with the row id, yielding only the live rows that pass {@code program} (a
   * {@link ColumnFilter}) with these operands: the filter runs on the segments' column arrays.
   * A vector or text search asks the result for its {@link FilteredScan#passing} ordinals
   * directly and no row is built.
   */
  public static Enumerable<Object[]> scanFiltered(DataContext root, long tableId, int[] columns,
      String program, Object[] operands) {
    return new FilteredScan((ExecutionContext) root, tableId, columns, ColumnFilter.of(program),
        operands);
  }

  /** The rows of a filtered scan, also available as an ordinal set per segment. */
  static final class FilteredScan extends AbstractEnumerable<Object[]> {
    private final ExecutionContext context;
    private final long tableId;
    private final int[] columns;
    private final ColumnFilter filter;
    private final Object[] operands;

    FilteredScan(ExecutionContext context, long tableId, int[] columns, ColumnFilter filter,
        Object[] operands) {
      this.context = context;
      this.tableId = tableId;
      this.columns = columns;
      this.filter = filter;
      this.operands = operands;
    }

    /** The live ordinals that pass, by segment id. */
    Map<Integer, BitSet> passing() {
      context.checkCancelled();
      Map<Integer, BitSet> passing = new HashMap<>();
      int checked = 0;
      for (SegmentView seg : context.view(tableId).segments()) {
        BitSet set = new BitSet(seg.size());
        for (int o = 0, n = seg.size(); o < n; o++) {
          if (++checked % CANCEL_CHECK_INTERVAL == 0) {
            context.checkCancelled();
          }
          if (seg.isLive(o) && filter.test(seg, o, operands)) {
            set.set(o);
          }
        }
        passing.put(seg.id(), set);
      }
      return passing;
    }

    @Override public Enumerator<Object[]> enumerator() {
      List<Object[]> rows = new ArrayList<>();
      Map<Integer, SegmentView> segments = new HashMap<>();
      for (SegmentView seg : context.view(tableId).segments()) {
        segments.put(seg.id(), seg);
      }
      passing().forEach((id, set) -> {
        SegmentView seg = segments.get(id);
        for (int o = set.nextSetBit(0); o >= 0; o = set.nextSetBit(o + 1)) {
          Object[] row = new Object[columns.length + 1];
          for (int i = 0; i < columns.length; i++) {
            row[i] = seg.value(columns[i], o);
          }
          row[columns.length] = ReadView.rowId(id, o);
          rows.add(row);
        }
      });
      return Linq4j.enumerator(rows);
    }
  }
}
