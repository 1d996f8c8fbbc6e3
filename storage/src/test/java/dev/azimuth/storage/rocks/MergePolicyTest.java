package dev.azimuth.storage.rocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.storage.rocks.MergePolicy.Merge;
import dev.azimuth.storage.rocks.MergePolicy.SegmentStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergePolicyTest {
  private final MergePolicy policy = new MergePolicy(10, 1_000_000, 0.2, 100);

  private static SegmentStats clean(int id, int rows) {
    return new SegmentStats(id, rows, rows);
  }

  private static List<List<Integer>> ids(List<Merge> merges) {
    return merges.stream().map(Merge::segments).toList();
  }

  @Test
  void fewerSegmentsThanTheMergeFactorStayAsTheyAre() {
    List<SegmentStats> nine = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      nine.add(clean(i, 100));
    }
    assertEquals(List.of(), policy.select(nine));
  }

  @Test
  void tenSmallSegmentsOfOneTierMergeIntoOne() {
    List<SegmentStats> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ten.add(clean(i, 100));
    }
    ten.add(clean(11, 5_000));
    List<Merge> merges = policy.select(ten);
    assertEquals(List.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), ids(merges));
    assertEquals(1_000, merges.get(0).liveRows());
  }

  @Test
  void segmentsOfDifferentTiersAreNotMergedTogether() {
    List<SegmentStats> mixed = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      mixed.add(clean(i, 100));
    }
    for (int i = 6; i <= 10; i++) {
      mixed.add(clean(i, 1_500));
    }
    assertEquals(List.of(), policy.select(mixed), "five of tier 0, five of tier 1");
    assertEquals(0, policy.tier(1));
    assertEquals(0, policy.tier(999));
    assertEquals(1, policy.tier(1_000));
    assertEquals(2, policy.tier(10_000));
  }

  @Test
  void aSegmentWithManyDeletionsIsRewrittenAlone() {
    List<Merge> merges = policy.select(List.of(clean(1, 1_000), new SegmentStats(2, 1_000, 799),
        new SegmentStats(3, 1_000, 801)));
    assertEquals(List.of(List.of(2)), ids(merges), "20% deleted is the threshold");
    assertEquals(799, merges.get(0).liveRows());
  }

  @Test
  void dirtySegmentsArePackedUpToTheMaximumSize() {
    MergePolicy small = new MergePolicy(10, 1_000, 0.2, 100);
    List<Merge> merges = small.select(List.of(new SegmentStats(1, 1_000, 500),
        new SegmentStats(2, 1_000, 400), new SegmentStats(3, 1_000, 300)));
    assertEquals(List.of(List.of(3, 2), List.of(1)), ids(merges));
  }

  @Test
  void emptySegmentsAreDroppedFirst() {
    List<Merge> merges = policy.select(List.of(clean(1, 100), new SegmentStats(2, 100, 0)));
    assertEquals(List.of(List.of(2)), ids(merges));
    assertEquals(0, merges.get(0).liveRows());
  }

  @Test
  void noMergeExceedsTheMaximumAndBigSegmentsAreLeftAlone() {
    MergePolicy capped = new MergePolicy(4, 1_000, 0.2, 100);
    // Tier 1 of factor 4 is [400, 1600): four of 450 would make 1,800 > 1,000.
    List<SegmentStats> segments = List.of(clean(1, 450), clean(2, 450), clean(3, 460),
        clean(4, 470), clean(5, 600));
    List<Merge> merges = capped.select(segments);
    assertEquals(List.of(List.of(1, 2)), ids(merges), "only what fits; 600 >= max/2 stays out");
    for (Merge m : merges) {
      assertTrue(m.liveRows() <= 1_000);
    }
  }

  @Test
  void writeAmplificationStaysLogarithmic() {
    // Seal 10,000 segments of 100 rows one at a time, running the policy to a fixed point
    // after each seal, and count how often each row is rewritten.
    Map<Integer, SegmentStats> live = new HashMap<>();
    int next = 1;
    long written = 0;
    long sealed = 0;
    for (int s = 0; s < 10_000; s++) {
      live.put(next, clean(next, 100));
      next++;
      sealed += 100;
      for (List<Merge> merges = policy.select(List.copyOf(live.values())); !merges.isEmpty();
          merges = policy.select(List.copyOf(live.values()))) {
        Merge m = merges.get(0);
        m.segments().forEach(live::remove);
        live.put(next, clean(next, (int) m.liveRows()));
        next++;
        written += m.liveRows();
      }
    }
    // 100 -> 1,000 -> 10,000 -> 100,000 -> 1,000,000 (the cap): each row at most 4 times.
    assertTrue(written <= 4 * sealed, "rows written " + written + " for " + sealed);
    assertTrue(live.size() <= 4 * 9 + 1, "segments left: " + live.size());
    assertEquals(sealed, live.values().stream().mapToLong(SegmentStats::live).sum());
  }

  @Test
  void optionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new MergePolicy(1, 10, 0.2, 1));
    assertThrows(IllegalArgumentException.class, () -> new MergePolicy(2, 0, 0.2, 1));
    assertThrows(IllegalArgumentException.class, () -> new MergePolicy(2, 10, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new MergePolicy(2, 10, 0.2, 0));
  }
}
