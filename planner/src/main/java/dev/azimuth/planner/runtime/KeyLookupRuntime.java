package dev.azimuth.planner.runtime;

import dev.azimuth.storage.ReadView;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/** Joins by primary-key lookup, for generated code. */
public final class KeyLookupRuntime {
  private KeyLookupRuntime() {}

  /**
   * Each probe row joined with the table row whose key is the probe's {@code keyField}, read
   * from this execution's view of the table; probe rows with a NULL or unknown key are dropped.
   *
   * @param columns    the table columns to read
   * @param tableFirst put the table's columns before the probe's
   */
  public static Enumerable<Object[]> lookup(DataContext root, long tableId, int[] columns,
      int keyField, boolean tableFirst, Enumerable<Object[]> probe) {
    ExecutionContext context = (ExecutionContext) root;
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object[]> enumerator() {
        Enumerator<Object[]> rows = probe.enumerator();
        ReadView view = context.view(tableId);
        return new Enumerator<>() {
          private Object[] current;

          @Override public Object[] current() {
            return current;
          }

          @Override public boolean moveNext() {
            while (rows.moveNext()) {
              Object[] p = rows.current();
              Object key = p[keyField];
              Object[] t = key == null ? null : view.get(key, columns);
              if (t != null) {
                current = tableFirst ? joined(t, p) : joined(p, t);
                return true;
              }
            }
            return false;
          }

          @Override public void reset() {
            rows.reset();
          }

          @Override public void close() {
            rows.close();
          }
        };
      }
    };
  }

  private static Object[] joined(Object[] a, Object[] b) {
    Object[] out = new Object[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
