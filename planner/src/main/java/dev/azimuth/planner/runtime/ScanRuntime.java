package dev.azimuth.planner.runtime;

import dev.azimuth.storage.RowCursor;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

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
}
