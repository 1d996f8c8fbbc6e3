package dev.azimuth.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Test vectors: Gaussian clusters (graph indexes find real neighbours in clustered data, not
 * in uniform noise), loading them, and exact answers to compare searches with.
 */
final class Vectors {
  private Vectors() {}

  /** {@code n} vectors around {@code clusters} random centres, deterministic for a seed. */
  static List<float[]> clustered(int n, int dimension, int clusters, long seed) {
    Random random = new Random(seed);
    float[][] centres = new float[clusters][dimension];
    for (float[] c : centres) {
      for (int d = 0; d < dimension; d++) {
        c[d] = (float) (random.nextGaussian() * 10);
      }
    }
    List<float[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] c = centres[random.nextInt(clusters)];
      float[] v = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        v[d] = c[d] + (float) random.nextGaussian();
      }
      out.add(v);
    }
    return out;
  }

  /** Inserts rows (id = position, v) in batches of 1,000. */
  static void load(Connection c, String table, List<float[]> vectors) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
      for (int i = 0; i < vectors.size(); i++) {
        ps.setLong(1, i);
        ps.setObject(2, vectors.get(i));
        ps.addBatch();
        if (i % 1000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  static double l2(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /** Ids of the k nearest by L2 among the ids the filter accepts, by brute force. */
  static List<Long> nearest(List<float[]> vectors, float[] q, int k,
      java.util.function.IntPredicate accept) {
    return IntStream.range(0, vectors.size()).filter(accept).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> l2(vectors.get(i), q))
            .thenComparing(i -> i))
        .limit(k).map(Integer::longValue).toList();
  }
}
