package dev.azimuth.planner.runtime;

/**
 * MIN and MAX of DOUBLE values in PostgreSQL's order ({@link FloatOrder}): NaN is greater than
 * every number, so MAX returns NaN when any value is NaN and MIN only when all are. Calcite's own
 * MIN and MAX compare with {@code <} and {@code >}, which a NaN fails, so their answer depended
 * on the order of the rows. Aggregate functions in Calcite's reflective form (init, add, merge,
 * result); NULLs are skipped.
 */
public final class FloatMinMax {
  private FloatMinMax() {}

  /** MAX. */
  public static final class Max {
    public Double init() {
      return null;
    }

    public Double add(Double best, Double value) {
      return value == null ? best
          : best == null || FloatOrder.compare(value, best) > 0 ? value : best;
    }

    public Double merge(Double a, Double b) {
      return add(a, b);
    }

    public Double result(Double best) {
      return best;
    }
  }

  /** MIN. */
  public static final class Min {
    public Double init() {
      return null;
    }

    public Double add(Double best, Double value) {
      return value == null ? best
          : best == null || FloatOrder.compare(value, best) < 0 ? value : best;
    }

    public Double merge(Double a, Double b) {
      return add(a, b);
    }

    public Double result(Double best) {
      return best;
    }
  }
}
