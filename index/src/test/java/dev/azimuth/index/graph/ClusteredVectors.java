package dev.azimuth.index.graph;

import dev.azimuth.index.Metric;
import dev.azimuth.index.search.ExactSearch;
import dev.azimuth.index.search.Neighbors;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

/** Seeded synthetic data for graph tests: Gaussian clusters, and recall against exact search. */
final class ClusteredVectors {
  private ClusteredVectors() {}

  /**
   * {@code count} vectors of {@code dimension} floats around {@code clusters} centres drawn
   * from {@code seed}: centres N(0, 1) per component, points N(0, 0.35²) around their centre,
   * stored back to back.
   */
  static float[] generate(long seed, int count, int dimension, int clusters) {
    Random random = new Random(seed);
    float[][] centres = centres(random, clusters, dimension);
    float[] data = new float[count * dimension];
    for (int i = 0; i < count; i++) {
      scatter(random, centres, data, i * dimension);
    }
    return data;
  }

  /**
   * {@code n} queries around the same centres as {@code generate(dataSeed, ...)}, with noise
   * from {@code seed}, so that none is a stored vector.
   */
  static float[][] queries(long seed, int n, int dimension, int clusters, long dataSeed) {
    float[][] centres = centres(new Random(dataSeed), clusters, dimension);
    Random random = new Random(seed);
    float[][] queries = new float[n][dimension];
    for (float[] query : queries) {
      scatter(random, centres, query, 0);
    }
    return queries;
  }

  private static float[][] centres(Random random, int clusters, int dimension) {
    float[][] centres = new float[clusters][dimension];
    for (float[] centre : centres) {
      for (int j = 0; j < dimension; j++) {
        centre[j] = (float) random.nextGaussian();
      }
    }
    return centres;
  }

  private static void scatter(Random random, float[][] centres, float[] into, int offset) {
    float[] centre = centres[random.nextInt(centres.length)];
    for (int j = 0; j < centre.length; j++) {
      into[offset + j] = centre[j] + 0.35f * (float) random.nextGaussian();
    }
  }

  /** The mean fraction of exact top-k ordinals that the graph also returned. */
  static double recall(VectorGraph graph, float[] data, int dimension, int count,
      float[][] queries, Metric metric, int k, int efSearch, IntPredicate accept) {
    long found = 0;
    long wanted = 0;
    for (float[] query : queries) {
      Neighbors exact = ExactSearch.search(data, dimension, count, query, metric, k, accept);
      Neighbors approximate = graph.search(query, k, efSearch, accept);
      Set<Long> truth = new HashSet<>();
      for (long id : exact.ids()) {
        truth.add(id);
      }
      for (long id : approximate.ids()) {
        if (truth.contains(id)) {
          found++;
        }
      }
      wanted += exact.size();
    }
    return found / (double) wanted;
  }
}
