package dev.azimuth.index.kernel;

/**
 * The distance primitives every search path uses, on slices of float arrays.
 *
 * <p>Each method reads {@code length} floats of {@code a} from {@code aOffset} and of {@code b}
 * from {@code bOffset}; it allocates nothing and throws {@link IndexOutOfBoundsException} when
 * a slice does not fit its array. Results are float sums, so implementations differ from each
 * other in the last bits (they add in different orders); the SIMD kernels may also differ
 * between a cold and a JIT-compiled call, since the Vector API leaves the order of a lane
 * reduction to the compiler.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface VectorKernels {
  /** A short name for logs and benchmarks, e.g. {@code simd-256} or {@code scalar}. */
  String name();

  /** The inner product {@code Σ a[i]·b[i]}. */
  float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

  /** The squared Euclidean distance {@code Σ (a[i]−b[i])²}. */
  float squaredL2(float[] a, int aOffset, float[] b, int bOffset, int length);

  /** The Manhattan distance {@code Σ |a[i]−b[i]|}. */
  float l1(float[] a, int aOffset, float[] b, int bOffset, int length);

  /** The squared Euclidean norm {@code Σ a[i]²}. */
  float squaredNorm(float[] a, int offset, int length);

  /**
   * The cosine similarity {@code a·b / (|a|·|b|)}, with the three sums taken in one pass.
   *
   * @return a value in [−1, 1] (rounding is clamped, as pgvector does), or NaN when either
   *     vector has norm zero
   */
  float cosineSimilarity(float[] a, int aOffset, float[] b, int bOffset, int length);

  /**
   * Finishes a cosine similarity from its three sums; every kernel and the exact scan end with
   * this one formula so that they agree.
   *
   * @param dot {@code a·b}
   * @param squaredNormA {@code |a|²}
   * @param squaredNormB {@code |b|²}
   * @return the similarity clamped to [−1, 1], or NaN when either norm is zero
   */
  static float cosine(float dot, float squaredNormA, float squaredNormB) {
    if (squaredNormA == 0f || squaredNormB == 0f) {
      return Float.NaN;
    }
    // The product of two float norms overflows float long before it overflows double.
    double similarity = dot / Math.sqrt((double) squaredNormA * squaredNormB);
    if (similarity > 1.0) {
      return 1f;
    }
    if (similarity < -1.0) {
      return -1f;
    }
    return (float) similarity;
  }
}
