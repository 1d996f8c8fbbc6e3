package dev.azimuth.planner.runtime;

import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowCursor;
import dev.azimuth.storage.SegmentView;
import java.util.ArrayList;
import java.util.List;
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
   */
  public static Enumerable<Object[]> scanFiltered(DataContext root, long tableId, int[] columns,
      String program, Object[] operands) {
    ExecutionContext context = (ExecutionContext) root;
    ColumnFilter filter = ColumnFilter.of(program);
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object[]> enumerator() {
        context.checkCancelled();
        List<Object[]> rows = new ArrayList<>();
        int checked = 0;
        for (SegmentView seg : context.view(tableId).segments()) {
          for (int o = 0, n = seg.size(); o < n; o++) {
            if (++checked % CANCEL_CHECK_INTERVAL == 0) {
              context.checkCancelled();
            }
            if (!seg.isLive(o) || !filter.test(seg, o, operands)) {
              continue;
            }
            Object[] row = new Object[columns.length + 1];
            for (int i = 0; i < columns.length; i++) {
              row[i] = seg.value(columns[i], o);
            }
            row[columns.length] = ReadView.rowId(seg.id(), o);
            rows.add(row);
          }
        }
        return Linq4j.enumerator(rows);
      }
    };
  }
}
