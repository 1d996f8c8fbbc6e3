package dev.azimuth.bench.ann;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs queries one after another on the calling thread: an untimed warm-up pass over the same
 * queries, then the timed pass (or the fastest of several). QPS is queries divided by the timed
 * pass's wall time; latencies are per query, bind to last row read. The pass's CPU time (of the
 * calling thread) is kept too: on a machine shared with other work, queries divided by it
 * tracks what a quiet machine would do far better than wall time does.
 */
final class SearchPass {
  private SearchPass() {}

  /** One search: the ids returned for query {@code q}, nearest first. */
  @FunctionalInterface
  interface Search {
    int[] run(int q) throws SQLException;
  }

  /** The outcome of a timed pass. */
  record Result(int[][] ids, long wallNanos, long cpuNanos, long[] latencyNanos) {
    /** Queries per second over the whole pass. */
    double qps() {
      return ids.length / (wallNanos / 1e9);
    }

    /** Queries per second of the calling thread's CPU time (NaN when the JVM cannot tell). */
    double cpuQps() {
      return cpuNanos <= 0 ? Double.NaN : ids.length / (cpuNanos / 1e9);
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
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Result best = null;
    for (int p = 0; p < Math.max(1, passes); p++) {
      int[][] ids = new int[n][];
      long[] latency = new long[n];
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int q = 0; q < n; q++) {
        long t = System.nanoTime();
        ids[q] = search.run(q);
        latency[q] = System.nanoTime() - t;
      }
      long wall = System.nanoTime() - start;
      long cpu = cpuStart < 0 ? -1 : threads.getCurrentThreadCpuTime() - cpuStart;
      Result result = new Result(ids, wall, cpu, latency);
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
