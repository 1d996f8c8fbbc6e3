package dev.azimuth.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.kernel.VectorKernels;
import org.junit.jupiter.api.Test;

class MetricTest {
  private static final float[] A = {1f, 2f, 3f};
  private static final float[] B = {4f, -6f, 8f};

  @Test
  void valuesArePgvectors() {
    assertEquals((float) Math.sqrt(9 + 64 + 25), Metric.L2.distance(A, B), 1e-6f);
    assertEquals(-(4f - 12f + 24f), Metric.NEGATIVE_DOT.distance(A, B));
    assertEquals(3f + 8f + 5f, Metric.L1.distance(A, B));
    double cos = 16 / (Math.sqrt(14) * Math.sqrt(116));
    assertEquals((float) (1 - cos), Metric.COSINE.distance(A, B), 1e-6f);
  }

  @Test
  void l2IsNotSquared() {
    assertEquals(5f, Metric.L2.distance(new float[] {0f, 0f}, new float[] {3f, 4f}));
  }

  @Test
  void cosineEndsAreExact() {
    float[] twice = {2f, 4f, 6f};
    float[] opposite = {-1f, -2f, -3f};
    assertEquals(0f, Metric.COSINE.distance(A, twice));
    assertEquals(2f, Metric.COSINE.distance(A, opposite));
    assertTrue(Metric.COSINE.distance(A, A) >= 0f, "clamped, never below zero");
  }

  @Test
  void cosineOfZeroVectorIsNaN() {
    float[] zero = new float[3];
    assertTrue(Float.isNaN(Metric.COSINE.distance(A, zero)));
    assertTrue(Float.isNaN(Metric.COSINE.distance(zero, zero)));
    assertEquals(0f, Metric.L2.distance(zero, zero));
  }

  @Test
  void slicesAndKernelsAgree() {
    float[] packed = {9f, 1f, 2f, 3f, 4f, -6f, 8f};
    for (VectorKernels k : new VectorKernels[] {Kernels.scalar(), Kernels.simd()}) {
      for (Metric m : Metric.values()) {
        assertEquals(m.distance(A, B), m.distance(k, packed, 1, packed, 4, 3), 1e-6f,
            m + " on " + k.name());
      }
    }
  }

  @Test
  void rejectsDifferentDimensions() {
    AzimuthException e = assertThrows(AzimuthException.class,
        () -> Metric.L2.distance(A, new float[] {1f, 2f}));
    assertEquals(ErrorCode.DATA_EXCEPTION, e.code());
    assertEquals("different vector dimensions 3 and 2", e.getMessage());
  }
}
