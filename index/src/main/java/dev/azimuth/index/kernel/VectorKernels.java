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

  /**
   * {@link #squaredL2} of one query against four stored vectors at once, into
   * {@code out[0..3]}. A graph walk scores a node's neighbours, which sit at random places in
   * memory; streaming four of them together keeps four memory reads in flight instead of one,
   * which is most of the time a walk over large vectors spends.
   */
  default void squaredL2x4(float[] q, int qOffset, float[] data, int o0, int o1, int o2,
      int o3, int length, float[] out) {
    out[0] = squaredL2(q, qOffset, data, o0, length);
    out[1] = squaredL2(q, qOffset, data, o1, length);
    out[2] = squaredL2(q, qOffset, data, o2, length);
    out[3] = squaredL2(q, qOffset, data, o3, length);
  }

  /** {@link #dot} of one query against four stored vectors at once; see {@link #squaredL2x4}. */
  default void dotx4(float[] q, int qOffset, float[] data, int o0, int o1, int o2, int o3,
      int length, float[] out) {
    out[0] = dot(q, qOffset, data, o0, length);
    out[1] = dot(q, qOffset, data, o1, length);
    out[2] = dot(q, qOffset, data, o2, length);
    out[3] = dot(q, qOffset, data, o3, length);
  }

  /**
   * Squared L2 against four 8-bit codes at once: {@code out[j] = Σ (a[i] − scale[i]·c_j[i])²}
   * with {@code c_j = codes[o_j ..]} read as signed bytes. A scalar-quantized vector is
   * {@code min + scale·(c + 128)}, so with {@code a = q − min − 128·scale} this is the squared
   * distance from {@code q} to the decoded vector. See {@link #squaredL2x4} for why four.
   */
  default void codesSquaredL2x4(float[] a, float[] scale, byte[] codes, int o0, int o1, int o2,
      int o3, int length, float[] out) {
    int[] at = {o0, o1, o2, o3};
    for (int j = 0; j < 4; j++) {
      float sum = 0f;
      for (int i = 0; i < length; i++) {
        float d = a[i] - scale[i] * codes[at[j] + i];
        sum += d * d;
      }
      out[j] = sum;
    }
  }

  /** {@link #codesSquaredL2x4} for one code vector at {@code codes[offset ..]}. */
  default float codesSquaredL2(float[] a, float[] scale, byte[] codes, int offset, int length) {
    float sum = 0f;
    for (int i = 0; i < length; i++) {
      float d = a[i] - scale[i] * codes[offset + i];
      sum += d * d;
    }
    return sum;
  }

  /** {@link #codesDotx4} for one code vector at {@code codes[offset ..]}. */
  default float codesDot(float[] w, byte[] codes, int offset, int length) {
    float sum = 0f;
    for (int i = 0; i < length; i++) {
      sum += w[i] * codes[offset + i];
    }
    return sum;
  }

  /** {@code out[j] = Σ w[i]·c_j[i]} for four 8-bit code vectors; see {@link #codesSquaredL2x4}. */
  default void codesDotx4(float[] w, byte[] codes, int o0, int o1, int o2, int o3, int length,
      float[] out) {
    int[] at = {o0, o1, o2, o3};
    for (int j = 0; j < 4; j++) {
      float sum = 0f;
      for (int i = 0; i < length; i++) {
        sum += w[i] * codes[at[j] + i];
      }
      out[j] = sum;
    }
  }

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
