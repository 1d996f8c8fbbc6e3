package dev.azimuth.bench.ann;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Exact top-k by brute force in float64 ({@link Distance#between}), over the rows a per-query
 * filter accepts, on all processors; ties go to the smaller id, as in the shipped ground truth.
 * Results are cached as {@code .ivecs} files so reruns skip the work.
 */
final class ExactTruth {
  private ExactTruth() {}

  /**
   * The cached ground truth in {@code file} if it covers {@code queries.count()} queries,
   * otherwise computes it and writes the file.
   *
   * @param accept for query {@code q}, which base ids qualify
   */
  static int[][] cached(Path file, Vectors base, Vectors queries, Distance distance, int k,
      IntFunction<IntPredicate> accept) {
    if (Files.isRegularFile(file)) {
      int[][] rows = VecFiles.readInts(file, queries.count());
      if (rows.length == queries.count()) {
        return rows;
      }
    }
    long start = System.nanoTime();
    int[][] rows = compute(base, queries, distance, k, accept);
    System.err.printf(Locale.ROOT, "ground truth for %d queries over %d rows: %.1f s -> %s%n",
        queries.count(), base.count(), (System.nanoTime() - start) / 1e9, file);
    VecFiles.writeInts(file, rows);
    return rows;
  }

  /** Exact top-k ids for every query; a row is shorter than k when fewer rows qualify. */
  static int[][] compute(Vectors base, Vectors queries, Distance distance, int k,
      IntFunction<IntPredicate> accept) {
    int[][] out = new int[queries.count()][];
    AtomicInteger done = new AtomicInteger();
    IntStream.range(0, queries.count()).parallel().forEach(q -> {
      out[q] = topK(base, queries.vector(q), distance, k, accept.apply(q));
      int n = done.incrementAndGet();
      if (n % 100 == 0) {
        System.err.printf(Locale.ROOT, "  ground truth: %d/%d queries%n", n, queries.count());
      }
    });
    return out;
  }

  private static int[] topK(Vectors base, float[] query, Distance distance, int k,
      IntPredicate accept) {
    int[] ids = new int[k];
    double[] dists = new double[k];
    Arrays.fill(dists, Double.POSITIVE_INFINITY);
    int size = 0;
    float[] data = base.data();
    int dim = base.dimension();
    for (int id = 0; id < base.count(); id++) {
      if (!accept.test(id)) {
        continue;
      }
      double d = distance.between(query, 0, data, id * dim, dim);
      if (size == k && !(d < dists[k - 1])) {
        continue; // ids come in ascending order: an equal distance loses to the earlier id
      }
      int pos = size == k ? k - 1 : size++;
      while (pos > 0 && dists[pos - 1] > d) {
        dists[pos] = dists[pos - 1];
        ids[pos] = ids[pos - 1];
        pos--;
      }
      dists[pos] = d;
      ids[pos] = id;
    }
    return Arrays.copyOf(ids, size);
  }
}
