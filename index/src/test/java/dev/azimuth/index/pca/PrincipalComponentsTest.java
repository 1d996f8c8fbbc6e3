package dev.azimuth.index.pca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {
  static final int DIMENSION = 24;
  static final int COUNT = 3000;
  /** Standard deviations along the hidden axes: four strong, the rest weak. */
  static final double[] SPREAD = {10, 8, 6, 4, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5,
      0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};

  /** A random orthonormal basis (Gram-Schmidt over Gaussian vectors), row by row. */
  static double[][] basis(long seed) {
    Random random = new Random(seed);
    double[][] q = new double[DIMENSION][DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      for (int j = 0; j < DIMENSION; j++) {
        q[i][j] = random.nextGaussian();
      }
      for (int p = 0; p < i; p++) {
        double dot = 0;
        for (int j = 0; j < DIMENSION; j++) {
          dot += q[i][j] * q[p][j];
        }
        for (int j = 0; j < DIMENSION; j++) {
          q[i][j] -= dot * q[p][j];
        }
      }
      double norm = 0;
      for (int j = 0; j < DIMENSION; j++) {
        norm += q[i][j] * q[i][j];
      }
      for (int j = 0; j < DIMENSION; j++) {
        q[i][j] /= Math.sqrt(norm);
      }
    }
    return q;
  }

  /** Vectors 3 + Σ_k spread_k · g · axis_k, Gaussian g. */
  static float[] data(double[][] axes, long seed) {
    Random random = new Random(seed);
    float[] data = new float[COUNT * DIMENSION];
    for (int n = 0; n < COUNT; n++) {
      for (int k = 0; k < DIMENSION; k++) {
        double g = SPREAD[k] * random.nextGaussian();
        for (int j = 0; j < DIMENSION; j++) {
          data[n * DIMENSION + j] += (float) (g * axes[k][j]);
        }
      }
      for (int j = 0; j < DIMENSION; j++) {
        data[n * DIMENSION + j] += 3f;
      }
    }
    return data;
  }

  static double variance(int from, int to) {
    double sum = 0;
    for (int k = from; k < to; k++) {
      sum += SPREAD[k] * SPREAD[k];
    }
    return sum;
  }

  @Test
  void findsTheHiddenAxesInOrderAndKeepsEnoughOfThemForTheAskedVariance() {
    double[][] axes = basis(1);
    float[] data = data(axes, 2);
    int[] nodes = IntStream.range(0, COUNT).toArray();
    double strongShare = variance(0, 4) / variance(0, DIMENSION);
    // Asking for a little less than the four strong axes explain keeps exactly those four.
    PrincipalComponents pc =
        PrincipalComponents.fit(data, DIMENSION, nodes, null, strongShare - 0.02, 1, 2000, null);
    assertEquals(4, pc.rank());
    assertEquals(strongShare, pc.explained(), 0.02);
    for (int i = 0; i < 4; i++) {
      double dot = 0;
      for (int j = 0; j < DIMENSION; j++) {
        dot += pc.basis()[i * DIMENSION + j] * axes[i][j];
      }
      assertEquals(1.0, Math.abs(dot), 0.01, "component " + i + " is hidden axis " + i);
    }
  }

  @Test
  void ranksComeInWholeGranulesAndAtMostTheDimension() {
    float[] data = data(basis(3), 4);
    int[] nodes = IntStream.range(0, COUNT).toArray();
    PrincipalComponents eight =
        PrincipalComponents.fit(data, DIMENSION, nodes, null, 0.5, 8, 2000, null);
    assertEquals(8, eight.rank());
    PrincipalComponents all =
        PrincipalComponents.fit(data, DIMENSION, nodes, null, 1.0, 16, 2000, null);
    assertEquals(DIMENSION, all.rank());
    assertEquals(1.0, all.explained(), 1e-9);
  }

  @Test
  void projectionsPreserveDistancesInTheKeptDirectionsAndScaleFirst() {
    double[][] axes = basis(5);
    float[] data = data(axes, 6);
    int[] nodes = IntStream.range(0, COUNT).toArray();
    PrincipalComponents pc =
        PrincipalComponents.fit(data, DIMENSION, nodes, null, 1.0, 1, COUNT, null);
    // With every component kept the projection is a rotation: distances survive.
    float[] a = new float[DIMENSION];
    float[] b = new float[DIMENSION];
    pc.project(data, 0, 1f, a, 0);
    pc.project(data, DIMENSION, 1f, b, 0);
    double projected = 0;
    double original = 0;
    for (int j = 0; j < DIMENSION; j++) {
      projected += (a[j] - b[j]) * (a[j] - b[j]);
      double d = data[j] - data[DIMENSION + j];
      original += d * d;
    }
    assertEquals(original, projected, original * 1e-4);
    // Scaling happens before the mean is taken off: project(2x) = 2 project(x) + mean terms.
    float[] twice = new float[DIMENSION];
    pc.project(data, 0, 2f, twice, 0);
    for (int i = 0; i < DIMENSION; i++) {
      float expected = 2 * (a[i] + pc.meanOffsets()[i]) - pc.meanOffsets()[i];
      assertEquals(expected, twice[i], 1e-3f * (1 + Math.abs(expected)));
    }
  }

  @Test
  void restoredComponentsProjectAsTheFittedOnes() {
    float[] data = data(basis(7), 8);
    int[] nodes = IntStream.range(0, COUNT).toArray();
    PrincipalComponents fitted =
        PrincipalComponents.fit(data, DIMENSION, nodes, null, 0.9, 4, 1000, null);
    PrincipalComponents restored = PrincipalComponents.of(DIMENSION, fitted.rank(),
        fitted.explained(), fitted.basis().clone(), fitted.meanOffsets().clone());
    float[] x = new float[fitted.rank()];
    float[] y = new float[fitted.rank()];
    fitted.project(data, 5 * DIMENSION, 1f, x, 0);
    restored.project(data, 5 * DIMENSION, 1f, y, 0);
    assertEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(y));
    assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.of(DIMENSION, 2,
        1.0, new float[DIMENSION], new float[2]));
    assertThrows(IllegalArgumentException.class,
        () -> PrincipalComponents.fit(data, DIMENSION, new int[] {1}, null, 0.9, 1, 10, null));
    assertTrue(fitted.residentBytes() >= 4L * fitted.basis().length);
  }
}
