package dev.azimuth.planner.runtime;

import java.util.Comparator;

/**
 * PostgreSQL's order of floating-point values: NaN is equal to itself and greater than every
 * number (so it sorts last ascending and first descending), -0 equals 0, and NULLs go where the
 * statement says. Calcite's own single-key comparator converts keys to BigDecimal, which fails
 * on NaN. Stateless.
 */
public final class FloatOrder {
  private FloatOrder() {}

  /** Compares two non-NULL values in PostgreSQL's order. */
  public static int compare(double x, double y) {
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
    boolean xNaN = Double.isNaN(x);
    boolean yNaN = Double.isNaN(y);
    return xNaN == yNaN ? 0 : xNaN ? 1 : -1;
  }

  /**
   * A comparator of Float or Double keys, for generated code.
   *
   * @param nullsFirst whether NULLs come before every value (whatever the direction)
   * @param descending whether larger values come first
   */
  public static Comparator<Object> comparator(boolean nullsFirst, boolean descending) {
    return (a, b) -> {
      if (a == null || b == null) {
        return a == b ? 0 : (a == null) == nullsFirst ? -1 : 1;
      }
      int c = compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
      return descending ? -c : c;
    };
  }
}
