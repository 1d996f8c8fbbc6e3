package dev.azimuth.index;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.kernel.VectorKernels;

/**
 * The ranking distance of each SQL distance metric: smaller is nearer, as pgvector orders them.
 *
 * <p>Values are pgvector's: {@link #L2} is the Euclidean distance itself (not its square), so
 * that the distance an index scan reports equals what {@code l2_distance()} returns. Under
 * {@link #COSINE} a zero vector has no direction and its distance is NaN; every ranking in this
 * module puts NaN after every number, +Infinity included. Constants are stateless and
 * thread-safe.
 */
public enum Metric {
  /** Euclidean distance {@code |a−b|}; SQL {@code <->}. */
  L2 {
    @Override
    public float distance(
        VectorKernels k, float[] a, int aOff, float[] b, int bOff, int length) {
      return (float) Math.sqrt(k.squaredL2(a, aOff, b, bOff, length));
    }
  },
  /** {@code 1 − cos(a, b)}, in [0, 2], NaN when either vector is zero; SQL {@code <=>}. */
  COSINE {
    @Override
    public float distance(
        VectorKernels k, float[] a, int aOff, float[] b, int bOff, int length) {
      return 1f - k.cosineSimilarity(a, aOff, b, bOff, length);
    }
  },
  /** {@code −(a·b)}, so that a larger inner product ranks first; SQL {@code <#>}. */
  NEGATIVE_DOT {
    @Override
    public float distance(
        VectorKernels k, float[] a, int aOff, float[] b, int bOff, int length) {
      return -k.dot(a, aOff, b, bOff, length);
    }
  },
  /** Manhattan distance {@code Σ|a−b|}; SQL {@code <+>}. */
  L1 {
    @Override
    public float distance(
        VectorKernels k, float[] a, int aOff, float[] b, int bOff, int length) {
      return k.l1(a, aOff, b, bOff, length);
    }
  };

  /**
   * The distance between two slices with the given kernels.
   *
   * @param k the kernels, e.g. {@link Kernels#get()}
   * @param a the array holding the first vector
   * @param aOff where the first vector starts in {@code a}
   * @param b the array holding the second vector
   * @param bOff where the second vector starts in {@code b}
   * @param length the dimension of both vectors
   */
  public abstract float distance(
      VectorKernels k, float[] a, int aOff, float[] b, int bOff, int length);

  /**
   * The distance between two whole vectors with {@link Kernels#get()}.
   *
   * @throws AzimuthException with {@link ErrorCode#DATA_EXCEPTION} when the dimensions differ
   */
  public float distance(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new AzimuthException(ErrorCode.DATA_EXCEPTION,
          "different vector dimensions " + a.length + " and " + b.length);
    }
    return distance(Kernels.get(), a, 0, b, 0, a.length);
  }
}
