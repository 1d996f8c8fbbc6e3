package dev.azimuth.index.jvector;

import dev.azimuth.index.Metric;
import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.kernel.VectorKernels;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * JVector-style similarities between vectors stored back to back in one float array, computed
 * in place with our kernels: larger is nearer, and never negative or NaN.
 *
 * <p>JVector's search drops candidates whose score is below its threshold (0 during builds) or
 * NaN, and its diversity rule multiplies scores by alpha, so scores must be positive. L2 and
 * COSINE use JVector's own formulas, {@code 1 / (1 + d²)} and {@code (1 + cos) / 2}; a NaN
 * cosine (a zero vector) scores 0, the worst. For NEGATIVE_DOT JVector's {@code (1 + dot) / 2}
 * turns negative when {@code dot < −1}, which unnormalized vectors reach, so we use the same
 * line for {@code dot ≥ 0} and continue it below with {@code 1 / (2 (1 − dot))}, which is
 * positive, increasing and smooth at 0. Only the order of scores matters to callers: final
 * distances are always recomputed with {@link Metric}.
 *
 * <p>Immutable and thread-safe; the array must not change while in use.
 */
final class ArraySimilarity {
  private final float[] data;
  private final int dimension;
  private final Metric metric;
  private final VectorKernels kernels;
  /** |v|² per ordinal for COSINE (0 for excluded ordinals), else null. */
  private final float[] squaredNorms;

  private ArraySimilarity(
      float[] data, int dimension, Metric metric, VectorKernels kernels, float[] squaredNorms) {
    this.data = data;
    this.dimension = dimension;
    this.metric = metric;
    this.kernels = kernels;
    this.squaredNorms = squaredNorms;
  }

  /**
   * Similarities over {@code data} for the given ordinals; for COSINE their norms are computed
   * once here, on {@code pool}, so that a score needs only a dot product.
   */
  static ArraySimilarity create(float[] data, int dimension, int count, int[] nodes,
      Metric metric, ForkJoinPool pool) {
    VectorKernels kernels = Kernels.get();
    float[] norms = null;
    if (metric == Metric.COSINE) {
      float[] n = new float[count];
      Runnable fill = () -> IntStream.range(0, nodes.length).parallel().forEach(i ->
          n[nodes[i]] = kernels.squaredNorm(data, nodes[i] * dimension, dimension));
      if (pool == null) {
        fill.run();
      } else {
        pool.submit(fill).join();
      }
      norms = n;
    }
    return new ArraySimilarity(data, dimension, metric, kernels, norms);
  }

  float[] data() {
    return data;
  }

  int dimension() {
    return dimension;
  }

  Metric metric() {
    return metric;
  }

  VectorKernels kernels() {
    return kernels;
  }

  /** Bytes of the norms this holds (the data array is the caller's). */
  long residentBytes() {
    return squaredNorms == null ? 0 : 16L + 4L * squaredNorms.length;
  }

  /** |v|² of a stored vector, as {@link #similarity} wants it for a stored query. */
  float squaredNorm(int node) {
    return squaredNorms == null ? 0f : squaredNorms[node];
  }

  /** |q|² of an outside query, or 0 when the metric does not need it. */
  float squaredNormOf(float[] query) {
    return metric == Metric.COSINE ? kernels.squaredNorm(query, 0, dimension) : 0f;
  }

  /**
   * The similarity of {@code query[queryOffset ..]} to stored vector {@code node}.
   *
   * @param querySquaredNorm |query|², needed for COSINE only
   */
  float similarity(float[] query, int queryOffset, float querySquaredNorm, int node) {
    int offset = node * dimension;
    return switch (metric) {
      case L2 -> 1f / (1f + kernels.squaredL2(query, queryOffset, data, offset, dimension));
      case COSINE -> cosineScore(VectorKernels.cosine(
          kernels.dot(query, queryOffset, data, offset, dimension),
          querySquaredNorm, squaredNorms[node]));
      case NEGATIVE_DOT -> dotScore(kernels.dot(query, queryOffset, data, offset, dimension));
      case L1 -> throw new IllegalStateException("graph indexes do not support L1");
    };
  }

  /**
   * {@link #similarity} of one query to {@code count} stored vectors, into {@code out}; four at
   * a time through the batched kernels (see {@link VectorKernels#squaredL2x4}).
   */
  void similarities(float[] query, int queryOffset, float querySquaredNorm, int[] nodes,
      int count, float[] out, float[] four) {
    int i = 0;
    for (; i + 4 <= count; i += 4) {
      int o0 = nodes[i] * dimension;
      int o1 = nodes[i + 1] * dimension;
      int o2 = nodes[i + 2] * dimension;
      int o3 = nodes[i + 3] * dimension;
      switch (metric) {
        case L2 -> {
          kernels.squaredL2x4(query, queryOffset, data, o0, o1, o2, o3, dimension, four);
          for (int j = 0; j < 4; j++) {
            out[i + j] = 1f / (1f + four[j]);
          }
        }
        case COSINE -> {
          kernels.dotx4(query, queryOffset, data, o0, o1, o2, o3, dimension, four);
          for (int j = 0; j < 4; j++) {
            out[i + j] = cosineScore(VectorKernels.cosine(four[j], querySquaredNorm,
                squaredNorms[nodes[i + j]]));
          }
        }
        case NEGATIVE_DOT -> {
          kernels.dotx4(query, queryOffset, data, o0, o1, o2, o3, dimension, four);
          for (int j = 0; j < 4; j++) {
            out[i + j] = dotScore(four[j]);
          }
        }
        case L1 -> throw new IllegalStateException("graph indexes do not support L1");
      }
    }
    for (; i < count; i++) {
      out[i] = similarity(query, queryOffset, querySquaredNorm, nodes[i]);
    }
  }

  static float cosineScore(float cosine) {
    return Float.isNaN(cosine) ? 0f : (1f + cosine) / 2f;
  }

  static float dotScore(float dot) {
    return dot >= 0f ? (1f + dot) / 2f : 1f / (2f * (1f - dot));
  }
}
