package dev.azimuth.index.search;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.kernel.VectorKernels;
import java.util.function.IntPredicate;

/**
 * Brute-force top-k over vectors stored back to back in one float array.
 *
 * <p>Distances are those of {@link Metric}, computed with the same kernels and formulas, so an
 * exact scan reports what the SQL distance functions return (to rounding in the last bits, see
 * {@link VectorKernels}). Stateless and thread-safe; the
 * caller must not change {@code data} or {@code query} during a search.
 */
public final class ExactSearch {
  private ExactSearch() {}

  /**
   * Searches with {@link Kernels#get()}.
   *
   * @see #search(VectorKernels, float[], int, int, float[], Metric, int, IntPredicate)
   */
  public static Neighbors search(float[] data, int dimension, int count, float[] query,
      Metric metric, int k, IntPredicate accept) {
    return search(Kernels.get(), data, dimension, count, query, metric, k, accept);
  }

  /**
   * The {@code k} vectors nearest to {@code query}, best first; ids are the ordinals.
   *
   * @param kernels the kernels to compute with
   * @param data vector {@code i} is {@code data[i * dimension .. (i + 1) * dimension)}
   * @param dimension the number of floats in each vector, at least 1
   * @param count how many vectors {@code data} holds (it may be longer)
   * @param query the vector to compare with, of {@code dimension} floats
   * @param metric the distance to rank by
   * @param k how many neighbours to return at most; fewer when fewer rows are accepted
   * @param accept decides which ordinals may be returned, tested before any distance is
   *     computed; null accepts all
   * @throws AzimuthException with {@link ErrorCode#DATA_EXCEPTION} when the query has the wrong
   *     dimension, {@link ErrorCode#INVALID_PARAMETER_VALUE} when {@code k < 0}, and
   *     {@link ErrorCode#INTERNAL_ERROR} when {@code data}, {@code dimension} and {@code count}
   *     do not fit together
   */
  public static Neighbors search(VectorKernels kernels, float[] data, int dimension, int count,
      float[] query, Metric metric, int k, IntPredicate accept) {
    requireNonNull(kernels, "kernels");
    requireNonNull(data, "data");
    requireNonNull(query, "query");
    requireNonNull(metric, "metric");
    checkArguments(data, dimension, count, query, k);
    TopK top = new TopK(Math.min(k, count));
    if (top.capacity() == 0) {
      return Neighbors.EMPTY;
    }
    switch (metric) {
      case L2 -> {
        scanSquaredL2(kernels, data, dimension, count, query, accept, top);
        return squareRootDistances(top.neighbors());
      }
      case COSINE -> scanCosine(kernels, data, dimension, count, query, accept, top);
      case NEGATIVE_DOT -> scanNegativeDot(kernels, data, dimension, count, query, accept, top);
      case L1 -> scanL1(kernels, data, dimension, count, query, accept, top);
    }
    return top.neighbors();
  }

  private static void checkArguments(
      float[] data, int dimension, int count, float[] query, int k) {
    if (dimension < 1) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "exact search needs a dimension of at least 1, got " + dimension);
    }
    if (count < 0) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "exact search needs a non-negative vector count, got " + count);
    }
    if ((long) count * dimension > data.length) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "exact search over " + count + " vectors of dimension " + dimension + " needs "
              + (long) count * dimension + " floats, but the data array holds " + data.length);
    }
    if (query.length != dimension) {
      throw new AzimuthException(ErrorCode.DATA_EXCEPTION,
          "different vector dimensions " + query.length + " and " + dimension
              + ": the query vector must have the dimension of the searched vectors");
    }
    if (k < 0) {
      throw new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE,
          "the number of neighbours must not be negative, got " + k);
    }
  }

  // Squared distances rank the same as distances, so the square root is taken for winners only.
  private static void scanSquaredL2(VectorKernels kernels, float[] data, int dimension,
      int count, float[] query, IntPredicate accept, TopK top) {
    for (int i = 0; i < count; i++) {
      if (accept != null && !accept.test(i)) {
        continue;
      }
      top.offer(kernels.squaredL2(query, 0, data, i * dimension, dimension), i);
    }
  }

  private static Neighbors squareRootDistances(Neighbors squared) {
    float[] d = squared.distances();
    for (int i = 0; i < d.length; i++) {
      // The same float expression as Metric.L2, so both report the same value.
      d[i] = (float) Math.sqrt(d[i]);
    }
    // Rounding may make two squared distances equal after the root: re-apply the id tie-break.
    TopK.resort(d, squared.ids());
    return squared;
  }

  // |query|² is taken once; per row that leaves a dot product and the row's own norm.
  private static void scanCosine(VectorKernels kernels, float[] data, int dimension, int count,
      float[] query, IntPredicate accept, TopK top) {
    float queryNorm = kernels.squaredNorm(query, 0, dimension);
    if (queryNorm == 0f) {
      // Every distance is NaN, so the first k accepted ordinals win on the id tie-break.
      for (int i = 0; i < count && !top.isFull(); i++) {
        if (accept == null || accept.test(i)) {
          top.offer(Float.NaN, i);
        }
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      if (accept != null && !accept.test(i)) {
        continue;
      }
      int offset = i * dimension;
      float dot = kernels.dot(query, 0, data, offset, dimension);
      float rowNorm = kernels.squaredNorm(data, offset, dimension);
      top.offer(1f - VectorKernels.cosine(dot, queryNorm, rowNorm), i);
    }
  }

  private static void scanNegativeDot(VectorKernels kernels, float[] data, int dimension,
      int count, float[] query, IntPredicate accept, TopK top) {
    for (int i = 0; i < count; i++) {
      if (accept != null && !accept.test(i)) {
        continue;
      }
      top.offer(-kernels.dot(query, 0, data, i * dimension, dimension), i);
    }
  }

  private static void scanL1(VectorKernels kernels, float[] data, int dimension, int count,
      float[] query, IntPredicate accept, TopK top) {
    for (int i = 0; i < count; i++) {
      if (accept != null && !accept.test(i)) {
        continue;
      }
      top.offer(kernels.l1(query, 0, data, i * dimension, dimension), i);
    }
  }
}
