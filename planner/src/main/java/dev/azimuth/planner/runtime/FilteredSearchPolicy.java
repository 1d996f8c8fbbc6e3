package dev.azimuth.planner.runtime;

/**
 * Decides, for one segment, whether a filtered top-k scans the passing rows exactly or walks
 * the graph with the filter as an accept test.
 *
 * <p>An exact scan costs one distance per passing row. A graph walk scores the neighbours of
 * every node it expands (about {@code 2m} each) and, with only a fraction {@code s} of nodes
 * accepted, expands about {@code ef / s} nodes before it has its {@code ef} accepted
 * candidates: roughly {@code 2m · ef · n / p} distances for {@code p} of {@code n} rows passing.
 * A walk's distance costs a fraction {@code c} of an exact one when it scores codes
 * ({@code VectorGraph.walkScoreCost}: about 0.06 for Fashion-MNIST's 192 one-byte principal
 * components against 784 floats). The scan wins when {@code p < c · 2m · ef · n / p}, i.e.
 * {@code p² < c · 2m · ef · n}. Beyond cost,
 * the scan is also the safe choice under very selective filters, where a walk may find fewer
 * than k accepted nodes. Stateless.
 */
public final class FilteredSearchPolicy {
  private FilteredSearchPolicy() {}

  /**
   * @param passing   rows that pass the filter
   * @param rows      rows of the segment (or table)
   * @param efSearch  beam width of the graph walk
   * @param m         the graph's degree parameter
   */
  public static boolean preferExact(long passing, long rows, int efSearch, int m) {
    return preferExact(passing, rows, efSearch, m, 1.0);
  }

  /**
   * {@link #preferExact(long, long, int, int)} for a walk whose scored node costs
   * {@code walkScoreCost} exact distances.
   */
  public static boolean preferExact(long passing, long rows, int efSearch, int m,
      double walkScoreCost) {
    double walk = walkScoreCost * 2.0 * m * Math.max(efSearch, 1) * (double) rows;
    return (double) passing * passing <= walk;
  }
}
