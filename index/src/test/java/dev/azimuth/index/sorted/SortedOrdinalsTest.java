package dev.azimuth.index.sorted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedOrdinalsTest {
  @TempDir Path dir;

  @Test
  void sortsStablyAndFindsRangesAsABruteForceDoes() {
    long seed = Long.getLong("azimuth.test.seed", 20261208L);
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(300);
      int[] keys = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = random.nextInt(1 + random.nextInt(50));
      }
      boolean[] live = new boolean[n];
      for (int i = 0; i < n; i++) {
        live[i] = random.nextInt(5) > 0;
      }
      SortedOrdinals index = SortedOrdinals.build(n, o -> live[o],
          (a, b) -> Integer.compare(keys[a], keys[b]), () -> false);
      List<Integer> expected = new ArrayList<>();
      for (int o = 0; o < n; o++) {
        if (live[o]) {
          expected.add(o);
        }
      }
      expected.sort(Comparator.comparingInt((Integer o) -> keys[o]));
      int[] actual = new int[index.size()];
      for (int i = 0; i < actual.length; i++) {
        actual[i] = index.ordinal(i);
      }
      assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), actual,
          "seed " + seed + " round " + round);
      int lo = random.nextInt(40);
      int hi = lo + random.nextInt(20);
      int from = index.partition(o -> keys[o] < lo);
      int to = index.partition(o -> keys[o] <= hi);
      long inRange = expected.stream().filter(o -> keys[o] >= lo && keys[o] <= hi).count();
      assertEquals(inRange, to - from, "seed " + seed + " round " + round);
      for (int p = from; p < to; p++) {
        int k = keys[index.ordinal(p)];
        assertEquals(true, k >= lo && k <= hi);
      }
    }
  }

  @Test
  void fileRoundTripsAndDamageIsDetected() throws IOException {
    int[] keys = {5, 3, 9, 3, 1, 7};
    SortedOrdinals index = SortedOrdinals.build(keys.length, o -> o != 2,
        (a, b) -> Integer.compare(keys[a], keys[b]), () -> false);
    Path file = dir.resolve("index.sorted");
    SortedOrdinals.FileInfo info = index.write(file);
    SortedOrdinals back = SortedOrdinals.open(file, info.checksum(), keys.length);
    assertEquals(5, back.size());
    int[] order = new int[back.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = back.ordinal(i);
    }
    assertArrayEquals(new int[] {4, 1, 3, 0, 5}, order);
    assertThrows(CorruptSortedIndexException.class,
        () -> SortedOrdinals.open(file, info.checksum(), keys.length + 1));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1;
    Files.write(file, bytes);
    assertThrows(CorruptSortedIndexException.class,
        () -> SortedOrdinals.open(file, info.checksum(), keys.length));
  }

  @Test
  void aBuildStopsWhenCancelled() {
    int n = 1 << 18;
    assertThrows(CancellationException.class, () -> SortedOrdinals.build(n, o -> true,
        (a, b) -> Integer.compare(b, a), () -> true));
  }
}
