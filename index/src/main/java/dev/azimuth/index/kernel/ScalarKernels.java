package dev.azimuth.index.kernel;

import java.util.Objects;

/**
 * Plain-Java kernels: one accumulator, index order. The reference in tests, the baseline in
 * benchmarks, and the fallback when the Vector API module is absent.
 *
 * <p>Stateless and thread-safe.
 */
final class ScalarKernels implements VectorKernels {
  static final ScalarKernels INSTANCE = new ScalarKernels();

  private ScalarKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    checkSlices(a, aOffset, b, bOffset, length);
    float sum = 0f;
    for (int i = 0; i < length; i++) {
      sum += a[aOffset + i] * b[bOffset + i];
    }
    return sum;
  }

  @Override
  public float squaredL2(float[] a, int aOffset, float[] b, int bOffset, int length) {
    checkSlices(a, aOffset, b, bOffset, length);
    float sum = 0f;
    for (int i = 0; i < length; i++) {
      float d = a[aOffset + i] - b[bOffset + i];
      sum += d * d;
    }
    return sum;
  }

  @Override
  public float l1(float[] a, int aOffset, float[] b, int bOffset, int length) {
    checkSlices(a, aOffset, b, bOffset, length);
    float sum = 0f;
    for (int i = 0; i < length; i++) {
      sum += Math.abs(a[aOffset + i] - b[bOffset + i]);
    }
    return sum;
  }

  @Override
  public float squaredNorm(float[] a, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, a.length);
    float sum = 0f;
    for (int i = 0; i < length; i++) {
      float x = a[offset + i];
      sum += x * x;
    }
    return sum;
  }

  @Override
  public float cosineSimilarity(float[] a, int aOffset, float[] b, int bOffset, int length) {
    checkSlices(a, aOffset, b, bOffset, length);
    float dot = 0f;
    float normA = 0f;
    float normB = 0f;
    for (int i = 0; i < length; i++) {
      float x = a[aOffset + i];
      float y = b[bOffset + i];
      dot += x * y;
      normA += x * x;
      normB += y * y;
    }
    return VectorKernels.cosine(dot, normA, normB);
  }

  // One up-front check gives a clear exception and lets the JIT drop the per-element checks.
  static void checkSlices(float[] a, int aOffset, float[] b, int bOffset, int length) {
    Objects.checkFromIndexSize(aOffset, length, a.length);
    Objects.checkFromIndexSize(bOffset, length, b.length);
  }

  @Override
  public String toString() {
    return name();
  }
}
