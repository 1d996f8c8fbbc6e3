package dev.azimuth.planner.runtime;

import dev.azimuth.index.sorted.SortedOrdinals;

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
        operands, null, null);
  }

  /**
   * {@link #scanFiltered} that reads, in each sealed segment with the index built, only the
   * rows {@code probe} finds (with these operands) and checks the filter on them; other
   * segments are scanned.
   */
  public static Enumerable<Object[]> scanIndexed(DataContext root, long tableId, int[] columns,
      String program, Object[] operands, IndexProbe probe, Object[] probeOperands) {
    return new FilteredScan((ExecutionContext) root, tableId, columns, ColumnFilter.of(program),
        operands, probe, probeOperands);
  }

  /** The rows of a filtered scan, also available as an ordinal set per segment. */
  static final class FilteredScan extends AbstractEnumerable<Object[]> {
    private final ExecutionContext context;
    private final long tableId;
    private final int[] columns;
    private final ColumnFilter filter;
    private final Object[] operands;
    private final IndexProbe probe;
    private final Object[] probeOperands;

    FilteredScan(ExecutionContext context, long tableId, int[] columns, ColumnFilter filter,
        Object[] operands, IndexProbe probe, Object[] probeOperands) {
      this.context = context;
      this.tableId = tableId;
      this.columns = columns;
      this.filter = filter;
      this.operands = operands;
      this.probe = probe;
      this.probeOperands = probeOperands;
    }

    /** The live ordinals that pass, by segment id. */
    Map<Integer, BitSet> passing() {
      context.checkCancelled();
      Map<Integer, BitSet> passing = new HashMap<>();
      int[] checked = {0};
      ReadView view = context.view(tableId);
      for (SegmentView seg : view.segments()) {
        BitSet set = new BitSet(seg.size());
        SortedOrdinals sorted = probe == null ? null : view.sortedIndex(seg.id(), probe.indexId());
        if (sorted != null) {
          for (IndexProbe.Run run : probe.runs(seg, sorted, probeOperands)) {
            for (int p = run.from(); p < run.to(); p++) {
              test(seg, sorted.ordinal(p), set, checked);
            }
          }
        } else {
          for (int o = 0, n = seg.size(); o < n; o++) {
            test(seg, o, set, checked);
          }
        }
        passing.put(seg.id(), set);
      }
      return passing;
    }

    private void test(SegmentView seg, int o, BitSet set, int[] checked) {
      if (++checked[0] % CANCEL_CHECK_INTERVAL == 0) {
        context.checkCancelled();
      }
      if (seg.isLive(o) && filter.test(seg, o, operands)) {
        set.set(o);
      }
    }

    // Rows are built as they are read: a large result is never held whole.
    @Override public Enumerator<Object[]> enumerator() {
      ReadView view = context.view(tableId);
      List<SegmentView> segments = view.segments();
      dev.azimuth.storage.TableDef def = view.definition();
      Map<Integer, BitSet> passing = passing();
      return new Enumerator<>() {
        private int segment = -1;
        private BitSet set;
        private int ordinal = -1;
        private Object[] current;

        @Override public Object[] current() {
          return current;
        }

        @Override public boolean moveNext() {
          while (true) {
            if (set != null) {
              ordinal = set.nextSetBit(ordinal + 1);
              if (ordinal >= 0) {
                SegmentView seg = segments.get(segment);
                Object[] row = SegmentCells.row(def, seg, columns, ordinal, 1);
                row[columns.length] = ReadView.rowId(seg.id(), ordinal);
                current = row;
                return true;
              }
            }
            if (++segment >= segments.size()) {
              return false;
            }
            set = passing.get(segments.get(segment).id());
            ordinal = -1;
          }
        }

        @Override public void reset() {
          segment = -1;
          set = null;
          ordinal = -1;
        }

        @Override public void close() {}
      };
    }
  }
}
