package dev.azimuth.index.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.kernel.VectorKernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExactSearchTest {
  /** Relative to the distance (absolute below 1): float sums over 128 terms drift that much. */
  private static final double EPSILON = 1e-4;

  static Stream<Arguments> cases() {
    return Stream.of(Metric.values()).flatMap(m -> Stream.of(
        Arguments.of(m, Kernels.scalar()), Arguments.of(m, Kernels.simd())));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesANaiveFullSort(Metric metric, VectorKernels kernels) {
    SplittableRandom random = new SplittableRandom(17);
    for (int dimension : new int[] {1, 3, 37, 128}) {
      int count = 600;
      float[] data = randomData(random, count, dimension);
      for (int q = 0; q < 5; q++) {
        float[] query = randomData(random, 1, dimension);
        for (int k : new int[] {1, 10, 100}) {
          Neighbors got =
              ExactSearch.search(kernels, data, dimension, count, query, metric, k, null);
          assertMatchesNaive(data, dimension, count, query, metric, k, null, got,
              metric + " " + kernels.name() + " dimension " + dimension + " k " + k);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void honoursTheFilterAndNeverAsksAboutRowsTwice(Metric metric, VectorKernels kernels) {
    SplittableRandom random = new SplittableRandom(23);
    int dimension = 16;
    int count = 300;
    float[] data = randomData(random, count, dimension);
    float[] query = randomData(random, 1, dimension);
    Set<Integer> asked = new HashSet<>();
    IntPredicate everyThird = i -> {
      assertTrue(asked.add(i), "asked twice about " + i);
      return i % 3 == 0;
    };
    Neighbors got =
        ExactSearch.search(kernels, data, dimension, count, query, metric, 20, everyThird);
    assertEquals(count, asked.size());
    assertEquals(20, got.size());
    for (long id : got.ids()) {
      assertEquals(0, id % 3, "rejected id " + id + " returned");
    }
    assertMatchesNaive(data, dimension, count, query, metric, 20, i -> i % 3 == 0, got,
        metric + " filtered");
  }

  @Test
  void exactTiesComeOutInIdOrder() {
    int dimension = 4;
    float[] row = {0.5f, -1f, 2f, 0.25f};
    float[] data = new float[6 * dimension];
    for (int i = 0; i < 6; i++) {
      System.arraycopy(row, 0, data, i * dimension, dimension);
    }
    float[] query = {1f, 1f, 1f, 1f};
    for (Metric metric : Metric.values()) {
      Neighbors got = ExactSearch.search(data, dimension, 6, query, metric, 4, null);
      assertArrayEquals(new long[] {0, 1, 2, 3}, got.ids(), metric.toString());
    }
  }

  @Test
  void distancesAreThoseOfMetric() {
    SplittableRandom random = new SplittableRandom(31);
    int dimension = 100;
    float[] data = randomData(random, 50, dimension);
    float[] query = randomData(random, 1, dimension);
    for (Metric metric : Metric.values()) {
      Neighbors got = ExactSearch.search(data, dimension, 50, query, metric, 50, null);
      for (int r = 0; r < got.size(); r++) {
        float expected =
            metric.distance(Kernels.get(), query, 0, data, (int) got.id(r) * dimension, dimension);
        assertEquals(expected, got.distance(r), 1e-5f * Math.max(1f, Math.abs(expected)),
            metric + " rank " + r);
      }
    }
  }

  @Test
  void cosineRanksZeroRowsLastAndAZeroQueryGivesNaN() {
    float[] data = {0f, 0f, 1f, 0f, 0f, 1f, 0f, 0f};
    Neighbors got = ExactSearch.search(data, 2, 4, new float[] {1f, 0.1f}, Metric.COSINE, 4, null);
    assertArrayEquals(new long[] {1, 2, 0, 3}, got.ids());
    assertTrue(Float.isNaN(got.distance(2)) && Float.isNaN(got.distance(3)));

    Neighbors zeroQuery =
        ExactSearch.search(data, 2, 4, new float[] {0f, 0f}, Metric.COSINE, 2, i -> i != 0);
    assertArrayEquals(new long[] {1, 2}, zeroQuery.ids());
    assertTrue(Float.isNaN(zeroQuery.distance(0)) && Float.isNaN(zeroQuery.distance(1)));
  }

  @Test
  void kLargerThanCountReturnsEveryRow() {
    float[] data = {3f, 1f, 2f};
    Neighbors got = ExactSearch.search(data, 1, 3, new float[] {0f}, Metric.L2, 10, null);
    assertArrayEquals(new long[] {1, 2, 0}, got.ids());
    assertArrayEquals(new float[] {1f, 2f, 3f}, got.distances());
  }

  @Test
  void zeroKOrZeroRowsReturnNothing() {
    float[] data = {3f, 1f, 2f};
    assertEquals(Neighbors.EMPTY,
        ExactSearch.search(data, 1, 3, new float[] {0f}, Metric.L1, 0, null));
    assertEquals(Neighbors.EMPTY,
        ExactSearch.search(data, 1, 0, new float[] {0f}, Metric.L1, 5, null));
    assertEquals(Neighbors.EMPTY,
        ExactSearch.search(data, 1, 3, new float[] {0f}, Metric.L1, 5, i -> false));
  }

  @Test
  void usesOnlyTheFirstCountVectors() {
    float[] data = {5f, 6f, 0f};
    Neighbors got = ExactSearch.search(data, 1, 2, new float[] {0f}, Metric.L1, 5, null);
    assertArrayEquals(new long[] {0, 1}, got.ids());
  }

  @Test
  void rejectsBadArguments() {
    float[] data = new float[12];
    assertCode(ErrorCode.DATA_EXCEPTION, "different vector dimensions 3 and 4",
        () -> ExactSearch.search(data, 4, 3, new float[3], Metric.L2, 1, null));
    assertCode(ErrorCode.INVALID_PARAMETER_VALUE, "must not be negative, got -1",
        () -> ExactSearch.search(data, 4, 3, new float[4], Metric.L2, -1, null));
    assertCode(ErrorCode.INTERNAL_ERROR, "needs 16 floats, but the data array holds 12",
        () -> ExactSearch.search(data, 4, 4, new float[4], Metric.L2, 1, null));
    assertCode(ErrorCode.INTERNAL_ERROR, "dimension of at least 1",
        () -> ExactSearch.search(data, 0, 3, new float[0], Metric.L2, 1, null));
    assertCode(ErrorCode.INTERNAL_ERROR, "non-negative vector count",
        () -> ExactSearch.search(data, 4, -1, new float[4], Metric.L2, 1, null));
    assertCode(ErrorCode.INTERNAL_ERROR, "needs 4294967294 floats",
        () -> ExactSearch.search(data, 2, Integer.MAX_VALUE, new float[2], Metric.L2, 1, null));
    assertThrows(NullPointerException.class,
        () -> ExactSearch.search(data, 4, 3, new float[4], null, 1, null));
  }

  private static void assertCode(ErrorCode code, String messagePart, Runnable call) {
    AzimuthException e = assertThrows(AzimuthException.class, call::run);
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  /**
   * Checks {@code got} against every distance computed in double precision and fully sorted:
   * rank by rank, the returned id's true distance must be within {@link #EPSILON} of the true
   * distance at that rank, so ids may swap only among near-ties (and an id whose distance is
   * clear of its neighbours' must be exactly where the full sort puts it).
   */
  private static void assertMatchesNaive(float[] data, int dimension, int count, float[] query,
      Metric metric, int k, IntPredicate accept, Neighbors got, String message) {
    double[] truth = new double[count];
    List<Integer> accepted = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      truth[i] = naiveDistance(metric, query, data, i * dimension, dimension);
      if (accept == null || accept.test(i)) {
        accepted.add(i);
      }
    }
    double[] sorted = accepted.stream().mapToDouble(i -> truth[i]).sorted().toArray();
    assertEquals(Math.min(k, sorted.length), got.size(), message);
    Set<Long> seen = new HashSet<>();
    for (int r = 0; r < got.size(); r++) {
      long id = got.id(r);
      assertTrue(seen.add(id), message + ": id " + id + " twice");
      assertEquals(sorted[r], truth[(int) id], tolerance(sorted[r]),
          message + ": rank " + r + " holds id " + id + ", " + Arrays.toString(got.ids()));
      assertEquals(truth[(int) id], got.distance(r), tolerance(truth[(int) id]), message + ": distance of " + id);
      if (r > 0) {
        assertTrue(got.distance(r - 1) <= got.distance(r), message + ": not ascending");
      }
    }
  }

  private static double tolerance(double distance) {
    return EPSILON * Math.max(1, Math.abs(distance));
  }

  private static double naiveDistance(Metric metric, float[] q, float[] data, int off, int n) {
    double dot = 0;
    double qq = 0;
    double rr = 0;
    double l1 = 0;
    double l2 = 0;
    for (int i = 0; i < n; i++) {
      double x = q[i];
      double y = data[off + i];
      dot += x * y;
      qq += x * x;
      rr += y * y;
      l1 += Math.abs(x - y);
      l2 += (x - y) * (x - y);
    }
    return switch (metric) {
      case L2 -> Math.sqrt(l2);
      case COSINE -> 1 - dot / Math.sqrt(qq * rr);
      case NEGATIVE_DOT -> -dot;
      case L1 -> l1;
    };
  }

  private static float[] randomData(SplittableRandom random, int count, int dimension) {
    float[] v = new float[count * dimension];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
