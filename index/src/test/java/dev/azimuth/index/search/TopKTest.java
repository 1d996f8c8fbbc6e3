package dev.azimuth.index.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopKTest {
  @Test
  void keepsTheSmallestBestFirst() {
    TopK top = new TopK(3);
    float[] d = {5f, 1f, 4f, 2f, 3f, 0.5f};
    for (int i = 0; i < d.length; i++) {
      top.offer(d[i], 100 + i);
    }
    Neighbors n = top.neighbors();
    assertArrayEquals(new long[] {105, 101, 103}, n.ids());
    assertArrayEquals(new float[] {0.5f, 1f, 2f}, n.distances());
    assertEquals(3, top.size());
  }

  @Test
  void tiesGoToTheSmallerIdWhateverTheOrderOfOffers() {
    TopK forward = new TopK(2);
    TopK backward = new TopK(2);
    for (long id = 0; id < 5; id++) {
      forward.offer(1f, id);
      backward.offer(1f, 4 - id);
    }
    assertArrayEquals(new long[] {0, 1}, forward.neighbors().ids());
    assertEquals(forward.neighbors(), backward.neighbors());
  }

  @Test
  void negativeZeroTiesWithZero() {
    TopK top = new TopK(2);
    top.offer(0f, 2);
    top.offer(-0f, 3);
    top.offer(0f, 1);
    assertArrayEquals(new long[] {1, 2}, top.neighbors().ids());
  }

  @Test
  void nanRanksAfterInfinity() {
    TopK top = new TopK(4);
    top.offer(Float.NaN, 0);
    top.offer(Float.POSITIVE_INFINITY, 1);
    top.offer(Float.NaN, 2);
    top.offer(7f, 3);
    Neighbors n = top.neighbors();
    assertArrayEquals(new long[] {3, 1, 0, 2}, n.ids());
    assertTrue(Float.isNaN(n.distance(3)));
    // Full of a NaN: a number must still get in, and a later NaN must not.
    assertTrue(top.offer(8f, 9));
    assertFalse(top.offer(Float.NaN, 10));
    assertArrayEquals(new long[] {3, 9, 1, 0}, top.neighbors().ids());
  }

  @Test
  void thresholdIsTheWorstKeptOnceFull() {
    TopK top = new TopK(2);
    assertEquals(Float.POSITIVE_INFINITY, top.threshold());
    top.offer(3f, 0);
    assertEquals(Float.POSITIVE_INFINITY, top.threshold());
    assertFalse(top.isFull());
    top.offer(5f, 1);
    assertEquals(5f, top.threshold());
    assertFalse(top.offer(6f, 2));
    assertTrue(top.offer(5f, 0), "equal distance, smaller id");
    assertTrue(top.offer(1f, 3));
    assertEquals(3f, top.threshold());
    assertArrayEquals(new long[] {3, 0}, top.neighbors().ids());
  }

  @Test
  void zeroKeepsNothing() {
    TopK top = new TopK(0);
    assertFalse(top.offer(Float.NEGATIVE_INFINITY, 1));
    assertEquals(Float.NEGATIVE_INFINITY, top.threshold());
    assertEquals(Neighbors.EMPTY, top.neighbors());
  }

  @Test
  void rejectsNegativeK() {
    AzimuthException e = assertThrows(AzimuthException.class, () -> new TopK(-1));
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
  }

  @Test
  void neighborsLeavesTheCollectorUsableAndClearEmptiesIt() {
    TopK top = new TopK(2);
    top.offer(2f, 2);
    top.offer(1f, 1);
    Neighbors first = top.neighbors();
    assertEquals(first, top.neighbors());
    top.offer(0f, 0);
    assertArrayEquals(new long[] {0, 1}, top.neighbors().ids());
    top.clear();
    assertEquals(0, top.size());
    assertEquals(Float.POSITIVE_INFINITY, top.threshold());
  }

  @Test
  void equalsAFullSortOnRandomInput() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(0, 300);
      int k = random.nextInt(0, 40);
      float[] d = new float[n];
      long[] ids = new long[n];
      TopK top = new TopK(k);
      for (int i = 0; i < n; i++) {
        // Few distinct values, NaN and infinities included, so ties and edge values abound.
        d[i] = switch (random.nextInt(12)) {
          case 0 -> Float.NaN;
          case 1 -> Float.POSITIVE_INFINITY;
          case 2 -> Float.NEGATIVE_INFINITY;
          default -> random.nextInt(-5, 5);
        };
        ids[i] = random.nextLong(1000);
        top.offer(d[i], ids[i]);
      }
      assertEquals(sortedTopK(k, d, ids), top.neighbors(), "round " + round);
    }
  }

  @Test
  void mergeEqualsTheTopKOfTheUnion() {
    SplittableRandom random = new SplittableRandom(9);
    for (int round = 0; round < 100; round++) {
      int k = random.nextInt(0, 20);
      List<Neighbors> parts = new ArrayList<>();
      List<Float> allDistances = new ArrayList<>();
      List<Long> allIds = new ArrayList<>();
      long nextId = 0;
      for (int p = random.nextInt(0, 5); p > 0; p--) {
        TopK part = new TopK(k);
        for (int i = random.nextInt(0, 50); i > 0; i--) {
          float d = random.nextInt(10) == 0 ? Float.NaN : random.nextInt(0, 30) / 4f;
          long id = nextId++;
          allDistances.add(d);
          allIds.add(id);
          part.offer(d, id);
        }
        parts.add(part.neighbors());
      }
      float[] d = new float[allDistances.size()];
      long[] ids = new long[allIds.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = allDistances.get(i);
        ids[i] = allIds.get(i);
      }
      assertEquals(sortedTopK(k, d, ids), TopK.merge(k, parts), "round " + round);
    }
  }

  @Test
  void mergeOfNothingIsEmpty() {
    assertEquals(Neighbors.EMPTY, TopK.merge(5, List.of()));
    assertEquals(Neighbors.EMPTY, TopK.merge(0, List.of(Neighbors.EMPTY)));
  }

  @Test
  void resortRestoresIdOrderAmongNewTies() {
    float[] d = {1f, 1f, 1f, 2f};
    long[] ids = {5, 3, 4, 0};
    TopK.resort(d, ids);
    assertArrayEquals(new long[] {3, 4, 5, 0}, ids);
  }

  /** The reference: sort every pair with a comparator written independently of TopK. */
  private static Neighbors sortedTopK(int k, float[] d, long[] ids) {
    Integer[] order = new Integer[d.length];
    Arrays.setAll(order, i -> i);
    Comparator<Integer> byDistance = (x, y) -> {
      boolean nx = Float.isNaN(d[x]);
      boolean ny = Float.isNaN(d[y]);
      if (nx || ny) {
        return Boolean.compare(nx, ny);
      }
      return Double.compare(d[x] + 0.0, d[y] + 0.0);
    };
    Arrays.sort(order, byDistance.thenComparingLong(i -> ids[i]));
    int size = Math.min(k, d.length);
    long[] topIds = new long[size];
    float[] topD = new float[size];
    for (int i = 0; i < size; i++) {
      topIds[i] = ids[order[i]];
      topD[i] = d[order[i]];
    }
    return new Neighbors(topIds, topD);
  }
}
