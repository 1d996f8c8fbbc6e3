package dev.azimuth.bench.ann;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Tie-aware recall@k, the ann-benchmarks rule, used by every mode: a returned id counts when it
 * qualifies (passes the query's filter), is not a repeat, and its float64 distance to the query
 * is at most the float64 distance of the k-th true neighbour plus 1e-6 relative.
 */
final class Recall {
  /** Relative slack on the k-th distance, for float64 rounding between implementations. */
  static final double EPSILON = 1e-6;

  private Recall() {}

  /** The totals of one pass over a query set. */
  record Summary(double recall, int queries, int shortResults, int disqualified) {}

  /**
   * Scores a pass.
   *
   * @param returned ids returned for each query (only the first k count)
   * @param truth exact neighbours of each query, nearest first
   * @param filter which rows qualify, per query
   */
  static Summary score(BenchData data, int k, int[][] returned, int[][] truth, Filter filter) {
    long hits = 0;
    long expected = 0;
    int shortResults = 0;
    int disqualified = 0;
    for (int q = 0; q < returned.length; q++) {
      float[] query = data.queries().vector(q);
      int[] want = truth[q];
      int wanted = Math.min(k, want.length);
      expected += wanted;
      if (returned[q].length < wanted) {
        shortResults++;
      }
      if (wanted == 0) {
        continue;
      }
      double limit = data.distance().toRow(query, data.base(), want[wanted - 1]);
      limit += Math.abs(limit) * EPSILON;
      IntPredicate accept = filter.accepts(data, q);
      Set<Integer> seen = new HashSet<>();
      int n = Math.min(k, returned[q].length);
      for (int i = 0; i < n; i++) {
        int id = returned[q][i];
        if (id < 0 || id >= data.base().count() || !accept.test(id)) {
          disqualified++;
          continue;
        }
        if (seen.add(id) && data.distance().toRow(query, data.base(), id) <= limit) {
          hits++;
        }
      }
    }
    return new Summary(expected == 0 ? 1.0 : hits / (double) expected, returned.length,
        shortResults, disqualified);
  }
}
