package dev.azimuth.index.jvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Int8CodesTest {
  private static final int DIMENSION = 5;

  private static int[] all(int count) {
    return IntStream.range(0, count).toArray();
  }

  @Test
  void byteValuedDataIsRepresentedExactly() {
    SplittableRandom random = new SplittableRandom(1);
    int count = 200;
    float[] data = new float[count * DIMENSION];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextInt(0, 256);
    }
    // Pin each dimension's range to 0..255, as pixels are.
    for (int i = 0; i < DIMENSION; i++) {
      data[i] = 0;
      data[DIMENSION + i] = 255;
    }
    Int8Codes codes = Int8Codes.encode(data, DIMENSION, count, all(count), null);
    for (int node = 0; node < count; node++) {
      for (int i = 0; i < DIMENSION; i++) {
        assertEquals(data[node * DIMENSION + i], codes.decoded(node, i), 1e-4);
      }
    }
  }

  @Test
  void floatDataIsWithinHalfAStepPerDimension() {
    SplittableRandom random = new SplittableRandom(2);
    int count = 300;
    float[] data = new float[count * DIMENSION];
    for (int i = 0; i < data.length; i++) {
      // Dimensions of very different ranges: each gets its own scale.
      data[i] = (float) (random.nextGaussian() * Math.pow(10, i % DIMENSION - 2));
    }
    Int8Codes codes = Int8Codes.encode(data, DIMENSION, count, all(count), null);
    for (int i = 0; i < DIMENSION; i++) {
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (int node = 0; node < count; node++) {
        min = Math.min(min, data[node * DIMENSION + i]);
        max = Math.max(max, data[node * DIMENSION + i]);
      }
      float halfStep = (max - min) / 255f / 2f;
      for (int node = 0; node < count; node++) {
        float error = Math.abs(data[node * DIMENSION + i] - codes.decoded(node, i));
        assertTrue(error <= halfStep * 1.001f, "dimension " + i + ", node " + node + ": error "
            + error + " above half a step " + halfStep);
      }
    }
  }

  @Test
  void constantDimensionsDecodeToTheirValue() {
    float[] data = {3f, 1f, 3f, 2f, 3f, 5f};
    Int8Codes codes = Int8Codes.encode(data, 2, 3, all(3), null);
    for (int node = 0; node < 3; node++) {
      assertEquals(3f, codes.decoded(node, 0));
    }
    assertEquals(5f, codes.decoded(2, 1), 1e-5);
  }

  @Test
  void noCodesWhenAValueIsNotFinite() {
    float[] data = {1f, 2f, Float.POSITIVE_INFINITY, 0f};
    assertNull(Int8Codes.encode(data, 2, 2, all(2), null));
    float[] huge = {-Float.MAX_VALUE, 0f, Float.MAX_VALUE, 0f};
    assertNull(Int8Codes.encode(huge, 2, 2, all(2), null), "the range overflows");
  }

  @Test
  void queryTermsReproduceDistancesToTheDecodedVectors() {
    SplittableRandom random = new SplittableRandom(3);
    int count = 50;
    float[] data = new float[count * DIMENSION];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    Int8Codes codes = Int8Codes.encode(data, DIMENSION, count, all(count), null);
    float[] q = {0.5f, -1f, 2f, 0f, 0.25f};
    float[] a = codes.l2Offsets(q);
    float[] w = codes.dotWeights(q);
    float base = codes.dotBase(q);
    for (int node = 0; node < count; node++) {
      double l2 = 0;
      double dot = 0;
      double viaL2 = 0;
      double viaDot = base;
      for (int i = 0; i < DIMENSION; i++) {
        double x = codes.decoded(node, i);
        l2 += (q[i] - x) * (q[i] - x);
        dot += q[i] * x;
        int c = codes.codes()[node * DIMENSION + i];
        double d = a[i] - codes.scale()[i] * c;
        viaL2 += d * d;
        viaDot += w[i] * c;
      }
      assertEquals(l2, viaL2, 1e-4, "node " + node);
      assertEquals(dot, viaDot, 1e-4, "node " + node);
    }
  }
}
