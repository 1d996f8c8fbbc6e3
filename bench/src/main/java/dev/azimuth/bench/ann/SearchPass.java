package dev.azimuth.bench.ann;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs queries one after another on the calling thread: an untimed warm-up pass over the same
 * queries, then the timed pass (or the fastest of several). QPS is queries divided by the timed
 * pass's wall time; latencies are per query, bind to last row read.
 */
final class SearchPass {
  private SearchPass() {}

  /** One search: the ids returned for query {@code q}, nearest first. */
  @FunctionalInterface
  interface Search {
    int[] run(int q) throws SQLException;
  }

  /** The outcome of a timed pass. */
  record Result(int[][] ids, long wallNanos, long[] latencyNanos) {
    /** Queries per second over the whole pass. */
    double qps() {
      return ids.length / (wallNanos / 1e9);
    }

    /** A latency percentile in milliseconds (nearest rank). */
    double percentileMillis(double p) {
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
  }

  /**
   * Warm-up (unless {@code warmup} is false), then {@code passes} timed passes over queries
   * 0..n-1; returns the fastest pass (on a shared machine the slower ones measure neighbours).
   */
  static Result run(int n, boolean warmup, int passes, Search search) throws SQLException {
    if (warmup) {
      for (int q = 0; q < n; q++) {
        search.run(q);
      }
    }
    Result best = null;
    for (int p = 0; p < Math.max(1, passes); p++) {
      int[][] ids = new int[n][];
      long[] latency = new long[n];
      long start = System.nanoTime();
      for (int q = 0; q < n; q++) {
        long t = System.nanoTime();
        ids[q] = search.run(q);
        latency[q] = System.nanoTime() - t;
      }
      Result result = new Result(ids, System.nanoTime() - start, latency);
      if (best == null || result.wallNanos() < best.wallNanos()) {
        best = result;
      }
    }
    return best;
  }

  /** A number with a fixed count of decimals, for tables. */
  static String fmt(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
