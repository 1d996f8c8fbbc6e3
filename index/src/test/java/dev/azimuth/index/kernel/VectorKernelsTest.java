package dev.azimuth.index.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both kernel implementations against a naive double-precision reference. */
class VectorKernelsTest {
  private static final int[] LARGE_LENGTHS = {128, 384, 768, 1536, 16000};
  // Offsets that are not multiples of any vector width, so loads are unaligned.
  private static final int A_OFFSET = 3;
  private static final int B_OFFSET = 7;

  static List<VectorKernels> kernels() {
    return List.of(Kernels.scalar(), Kernels.simd());
  }

  static int[] lengths() {
    return IntStream.concat(IntStream.rangeClosed(0, 70), IntStream.of(LARGE_LENGTHS)).toArray();
  }

  /**
   * Small integers make every float sum exact (all partial sums stay below 2^24), so any
   * implementation must match the reference bit for bit: this catches a skipped or repeated
   * element that a tolerance would hide at length 16000.
   */
  @ParameterizedTest
  @MethodSource("kernels")
  void exactOnSmallIntegers(VectorKernels k) {
    SplittableRandom random = new SplittableRandom(42);
    for (int n : lengths()) {
      float[] a = slice(random, n, A_OFFSET, true);
      float[] b = slice(random, n, B_OFFSET, true);
      String where = k.name() + " at length " + n;
      assertEquals((float) naiveDot(a, A_OFFSET, b, B_OFFSET, n),
          k.dot(a, A_OFFSET, b, B_OFFSET, n), where);
      assertEquals((float) naiveSquaredL2(a, A_OFFSET, b, B_OFFSET, n),
          k.squaredL2(a, A_OFFSET, b, B_OFFSET, n), where);
      assertEquals((float) naiveL1(a, A_OFFSET, b, B_OFFSET, n),
          k.l1(a, A_OFFSET, b, B_OFFSET, n), where);
      assertEquals((float) naiveDot(a, A_OFFSET, a, A_OFFSET, n),
          k.squaredNorm(a, A_OFFSET, n), where);
      assertEquals(naiveCosine(a, A_OFFSET, b, B_OFFSET, n),
          k.cosineSimilarity(a, A_OFFSET, b, B_OFFSET, n), where);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void closeToDoublePrecisionOnRandomFloats(VectorKernels k) {
    SplittableRandom random = new SplittableRandom(7);
    for (int n : lengths()) {
      float[] a = slice(random, n, A_OFFSET, false);
      float[] b = slice(random, n, B_OFFSET, false);
      String where = k.name() + " at length " + n;
      // Float sums drift with length; the scale is the sum of absolute terms, so that a
      // cancelling dot product is not held to an impossible relative error.
      double tolerance = 1e-6 * (1 + Math.sqrt(n));
      assertClose(naiveDot(a, A_OFFSET, b, B_OFFSET, n), absDot(a, A_OFFSET, b, B_OFFSET, n),
          k.dot(a, A_OFFSET, b, B_OFFSET, n), tolerance, "dot " + where);
      double squaredL2 = naiveSquaredL2(a, A_OFFSET, b, B_OFFSET, n);
      assertClose(squaredL2, squaredL2, k.squaredL2(a, A_OFFSET, b, B_OFFSET, n), tolerance,
          "squaredL2 " + where);
      double l1 = naiveL1(a, A_OFFSET, b, B_OFFSET, n);
      assertClose(l1, l1, k.l1(a, A_OFFSET, b, B_OFFSET, n), tolerance, "l1 " + where);
      double norm = naiveDot(a, A_OFFSET, a, A_OFFSET, n);
      assertClose(norm, norm, k.squaredNorm(a, A_OFFSET, n), tolerance, "squaredNorm " + where);
      if (n > 0) {
        assertClose(naiveCosine(a, A_OFFSET, b, B_OFFSET, n), 1,
            k.cosineSimilarity(a, A_OFFSET, b, B_OFFSET, n), tolerance, "cosine " + where);
      }
    }
  }

  /**
   * The four-at-once kernels against the reference, on vectors at scattered, unaligned places
   * of one array (as a graph walk reads them) and at every length around the vector widths.
   */
  @ParameterizedTest
  @MethodSource("kernels")
  void batchesOfFourMatchTheReference(VectorKernels k) {
    SplittableRandom random = new SplittableRandom(11);
    for (int n : lengths()) {
      float[] q = slice(random, n, A_OFFSET, true);
      float[] data = new float[5 * n + 40];
      for (int i = 0; i < data.length; i++) {
        data[i] = random.nextInt(-8, 9);
      }
      int[] at = {data.length - n, 1, 2 * n + 5, n + 2};
      float[] l2 = new float[4];
      float[] dot = new float[4];
      k.squaredL2x4(q, A_OFFSET, data, at[0], at[1], at[2], at[3], n, l2);
      k.dotx4(q, A_OFFSET, data, at[0], at[1], at[2], at[3], n, dot);
      for (int j = 0; j < 4; j++) {
        String where = k.name() + " at length " + n + ", vector " + j;
        assertEquals((float) naiveSquaredL2(q, A_OFFSET, data, at[j], n), l2[j], where);
        assertEquals((float) naiveDot(q, A_OFFSET, data, at[j], n), dot[j], where);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void codeBatchesMatchTheReference(VectorKernels k) {
    SplittableRandom random = new SplittableRandom(13);
    for (int n : lengths()) {
      float[] a = new float[n];
      float[] scale = new float[n];
      for (int i = 0; i < n; i++) {
        a[i] = random.nextInt(-300, 300);
        scale[i] = random.nextInt(1, 4);
      }
      byte[] codes = new byte[4 * n + 9];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = (byte) random.nextInt(-128, 128);
      }
      int[] at = {codes.length - n, 0, n + 3, 2 * n + 5};
      float[] l2 = new float[4];
      float[] dot = new float[4];
      k.codesSquaredL2x4(a, scale, codes, at[0], at[1], at[2], at[3], n, l2);
      k.codesDotx4(a, codes, at[0], at[1], at[2], at[3], n, dot);
      for (int j = 0; j < 4; j++) {
        double refL2 = 0;
        double refDot = 0;
        double absDot = 0;
        for (int i = 0; i < n; i++) {
          double d = a[i] - (double) scale[i] * codes[at[j] + i];
          refL2 += d * d;
          refDot += (double) a[i] * codes[at[j] + i];
          absDot += Math.abs((double) a[i] * codes[at[j] + i]);
        }
        // Float sums drift with length, as in closeToDoublePrecisionOnRandomFloats.
        double tolerance = 1e-6 * (1 + Math.sqrt(n));
        String where = k.name() + " at length " + n + ", codes " + j;
        assertClose(refL2, refL2, l2[j], tolerance, "l2 " + where);
        assertClose(refDot, absDot, dot[j], tolerance, "dot " + where);
        assertClose(refL2, refL2, k.codesSquaredL2(a, scale, codes, at[j], n), tolerance,
            "single l2 " + where);
        assertClose(refDot, absDot, k.codesDot(a, codes, at[j], n), tolerance,
            "single dot " + where);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void batchesOfFourCheckTheirSlices(VectorKernels k) {
    float[] q = new float[8];
    float[] data = new float[20];
    assertThrows(IndexOutOfBoundsException.class,
        () -> k.squaredL2x4(q, 0, data, 0, 4, 8, 13, 8, new float[4]));
    assertThrows(IndexOutOfBoundsException.class,
        () -> k.dotx4(q, 0, data, 13, 0, 4, 8, 8, new float[4]));
    byte[] codes = new byte[20];
    assertThrows(IndexOutOfBoundsException.class,
        () -> k.codesSquaredL2x4(q, q, codes, 0, 13, 4, 8, 8, new float[4]));
    assertThrows(IndexOutOfBoundsException.class,
        () -> k.codesDotx4(q, codes, 0, 4, 8, 13, 8, new float[4]));
  }

  /** The exact scan takes cosine from dot and norms; it must land where the one-pass form does. */
  @ParameterizedTest
  @MethodSource("kernels")
  void cosineAgreesWithItsParts(VectorKernels k) {
    SplittableRandom random = new SplittableRandom(11);
    for (int n : lengths()) {
      float[] a = slice(random, n, A_OFFSET, false);
      float[] b = slice(random, n, B_OFFSET, false);
      float parts = VectorKernels.cosine(k.dot(a, A_OFFSET, b, B_OFFSET, n),
          k.squaredNorm(a, A_OFFSET, n), k.squaredNorm(b, B_OFFSET, n));
      float onePass = k.cosineSimilarity(a, A_OFFSET, b, B_OFFSET, n);
      if (n == 0) {
        assertTrue(Float.isNaN(parts) && Float.isNaN(onePass));
      } else {
        // Not bit for bit: a cold and a compiled SIMD reduction may add lanes in other orders.
        assertEquals(parts, onePass, 1e-6f, k.name() + " at length " + n);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void cosineOfZeroVectorIsNaN(VectorKernels k) {
    for (int n : new int[] {0, 1, 5, 16, 67, 768}) {
      float[] zero = new float[n];
      float[] ones = new float[n];
      Arrays.fill(ones, 1f);
      assertTrue(Float.isNaN(k.cosineSimilarity(zero, 0, ones, 0, n)), "length " + n);
      assertTrue(Float.isNaN(k.cosineSimilarity(ones, 0, zero, 0, n)), "length " + n);
      assertTrue(Float.isNaN(k.cosineSimilarity(zero, 0, zero, 0, n)), "length " + n);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void cosineIsClampedToUnitRange(VectorKernels k) {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : lengths()) {
      float[] a = slice(random, n, 0, false);
      if (n > 0) {
        float self = k.cosineSimilarity(a, 0, a, 0, n);
        assertTrue(self <= 1f && self > 0.9999f, k.name() + " self-similarity " + self);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void rejectsSlicesOutsideTheArrays(VectorKernels k) {
    float[] a = new float[10];
    assertThrows(IndexOutOfBoundsException.class, () -> k.dot(a, 5, a, 0, 6));
    assertThrows(IndexOutOfBoundsException.class, () -> k.squaredL2(a, 0, a, -1, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> k.l1(a, 0, a, 0, 11));
    assertThrows(IndexOutOfBoundsException.class, () -> k.squaredNorm(a, 8, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> k.cosineSimilarity(a, 0, a, 9, 2));
  }

  @Test
  void cosineFormulaHandlesOverflowingNorms() {
    // Each squared norm fits a float, their product does not.
    assertEquals(1f, VectorKernels.cosine(3e30f, 3e30f, 3e30f));
    assertTrue(Float.isNaN(VectorKernels.cosine(0f, 0f, 1f)));
  }

  @Test
  void implementationsHaveDistinctNames() {
    assertEquals("scalar", Kernels.scalar().name());
    assertTrue(Kernels.simd().name().startsWith("simd-"), Kernels.simd().name());
  }

  private static float[] slice(SplittableRandom random, int n, int offset, boolean integers) {
    float[] v = new float[offset + n + 5];
    for (int i = 0; i < v.length; i++) {
      // Padding holds values too, so reading past the slice would change the result.
      v[i] = integers ? random.nextInt(-3, 4) : (float) random.nextDouble(-1, 1);
    }
    return v;
  }

  private static void assertClose(double expected, double scale, float actual, double tolerance,
      String message) {
    double error = Math.abs(actual - expected);
    assertTrue(error <= tolerance * Math.max(scale, 1e-30) + 1e-30,
        message + ": expected " + expected + ", got " + actual + ", error " + error);
  }

  static double naiveDot(float[] a, int ao, float[] b, int bo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (double) a[ao + i] * b[bo + i];
    }
    return s;
  }

  private static double absDot(float[] a, int ao, float[] b, int bo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.abs((double) a[ao + i] * b[bo + i]);
    }
    return s;
  }

  static double naiveSquaredL2(float[] a, int ao, float[] b, int bo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double d = (double) a[ao + i] - b[bo + i];
      s += d * d;
    }
    return s;
  }

  static double naiveL1(float[] a, int ao, float[] b, int bo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.abs((double) a[ao + i] - b[bo + i]);
    }
    return s;
  }

  static float naiveCosine(float[] a, int ao, float[] b, int bo, int n) {
    double na = naiveDot(a, ao, a, ao, n);
    double nb = naiveDot(b, bo, b, bo, n);
    if (na == 0 || nb == 0) {
      return Float.NaN;
    }
    return (float) Math.max(-1, Math.min(1, naiveDot(a, ao, b, bo, n) / Math.sqrt(na * nb)));
  }
}
