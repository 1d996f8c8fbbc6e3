package dev.azimuth.index.jvector;

import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.types.FloatArray;
import io.github.jbellis.jvector.vector.types.VectorFloat;

/**
 * Exact build-time scores over the caller's array, in place. JVector's stock provider reads
 * vectors through {@code RandomAccessVectorValues}, which for a contiguous array would copy
 * every vector it compares; this one hands out {@link ExactScorer}s instead. Thread-safe.
 */
final class ArrayBuildScoreProvider implements BuildScoreProvider {
  private final ArraySimilarity similarity;
  private final int[] nodes;

  /**
   * @param similarity the scores to build with
   * @param nodes the ordinals in the graph, for the centroid
   */
  ArrayBuildScoreProvider(ArraySimilarity similarity, int[] nodes) {
    this.similarity = similarity;
    this.nodes = nodes;
  }

  @Override
  public boolean isExact() {
    return true;
  }

  @Override
  public VectorFloat<?> approximateCentroid() {
    int dimension = similarity.dimension();
    float[] data = similarity.data();
    float[] sum = new float[dimension];
    for (int node : nodes) {
      int offset = node * dimension;
      for (int j = 0; j < dimension; j++) {
        sum[j] += data[offset + j];
      }
    }
    for (int j = 0; j < dimension; j++) {
      sum[j] /= Math.max(1, nodes.length);
    }
    return vts.createFloatVector(sum);
  }

  @Override
  public SearchScoreProvider searchProviderFor(VectorFloat<?> vector) {
    // Every array-backed VectorFloat exposes its array; others (off-heap) are copied once.
    float[] query;
    if (vector instanceof FloatArray array && array.array().length == similarity.dimension()) {
      query = array.array();
    } else {
      query = new float[vector.length()];
      for (int i = 0; i < query.length; i++) {
        query[i] = vector.get(i);
      }
    }
    return ExactScorer.forQuery(similarity, query);
  }

  @Override
  public SearchScoreProvider searchProviderFor(int node) {
    return ExactScorer.forNode(similarity, node);
  }

  @Override
  public SearchScoreProvider diversityProviderFor(int node) {
    return ExactScorer.forNode(similarity, node);
  }

  @Override
  public ScoreFunction diversityScoreFunctionFor(int node) {
    return ExactScorer.forNode(similarity, node);
  }
}
