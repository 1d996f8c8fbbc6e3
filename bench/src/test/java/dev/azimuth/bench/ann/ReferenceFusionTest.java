package dev.azimuth.bench.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceFusionTest {
  private static final ReferenceFusion.Ranked VECTOR =
      new ReferenceFusion.Ranked(new int[] {10, 20, 30}, new double[] {0.1, 0.2, 0.4});
  private static final ReferenceFusion.Ranked TEXT =
      new ReferenceFusion.Ranked(new int[] {30, 40}, new double[] {3.0, 1.0});

  @Test
  void rrfSumsOneOverKPlusRankAndBreaksTiesBySmallerId() {
    List<ReferenceFusion.Fused> fused = ReferenceFusion.rrf(List.of(VECTOR, TEXT), 60);
    // 30: 1/63 + 1/61; 10: 1/61; 20: 1/62; 40: 1/62 (tie with 20, smaller id first).
    assertArrayEquals(new int[] {30, 10, 20, 40}, ReferenceFusion.top(fused, 10));
    assertEquals(1.0 / 63 + 1.0 / 61, fused.get(0).score(), 1e-15);
    assertEquals(1.0 / 62, fused.get(2).score(), 1e-15);
    assertEquals(fused.get(2).score(), fused.get(3).score());
  }

  @Test
  void rrfCountsAKeyListedTwiceInOneInputAtItsFirstPlace() {
    ReferenceFusion.Ranked twice =
        new ReferenceFusion.Ranked(new int[] {5, 6, 5}, new double[] {1, 2, 3});
    List<ReferenceFusion.Fused> fused = ReferenceFusion.rrf(List.of(twice), 1);
    assertEquals(0.5, fused.get(0).score(), 1e-15);
    assertEquals(5, fused.get(0).id());
  }

  @Test
  void weightedSumsNormalisedScoresOfTheInputsListingAKey() {
    List<ReferenceFusion.Fused> fused = ReferenceFusion.weighted(List.of(VECTOR, TEXT),
        new double[] {0.5, 0.5}, List.of(ReferenceFusion.COSINE, ReferenceFusion.BM25));
    double bm25Of3 = 2 * Math.atan(3.0) / Math.PI; // 0.7952
    double expected30 = 0.5 * (1 - 0.4 / 2) + 0.5 * bm25Of3;
    assertEquals(30, fused.get(0).id());
    assertEquals(expected30, fused.get(0).score(), 1e-15);
    // 10: 0.5 * 0.95 = 0.475; 20: 0.45; 40: 0.5 * 0.5 = 0.25.
    assertArrayEquals(new int[] {30, 10, 20, 40}, ReferenceFusion.top(fused, 10));
    assertEquals(0.25, fused.get(3).score(), 1e-15);
  }

  @Test
  void compareAcceptsTiedRowsInEitherOrderButNotOtherScores() {
    List<ReferenceFusion.Fused> fused = ReferenceFusion.rrf(List.of(VECTOR, TEXT), 60);
    double tie = 1.0 / 62;
    double[] scores = {1.0 / 63 + 1.0 / 61, 1.0 / 61, tie, tie};
    assertEquals(ReferenceFusion.Agreement.EXACT,
        ReferenceFusion.compare(fused, 10, new int[] {30, 10, 20, 40}, scores));
    assertEquals(ReferenceFusion.Agreement.EXACT,
        ReferenceFusion.compare(fused, 10, new int[] {30, 10, 40, 20}, scores));
    assertEquals(ReferenceFusion.Agreement.DIFFERENT, ReferenceFusion.compare(fused, 10,
        new int[] {30, 20, 10, 40}, new double[] {scores[0], tie, 1.0 / 61, tie}));
    assertEquals(ReferenceFusion.Agreement.DIFFERENT, ReferenceFusion.compare(fused, 10,
        new int[] {30, 10, 20}, new double[] {scores[0], scores[1], tie}));
    assertEquals(ReferenceFusion.Agreement.EXACT, ReferenceFusion.compare(fused, 2,
        new int[] {30, 10}, new double[] {scores[0], scores[1]}));
  }

  @Test
  void compareTellsFloatRoundingFromAnotherFusion() {
    List<ReferenceFusion.Fused> fused = ReferenceFusion.rrf(List.of(VECTOR, TEXT), 60);
    double tie = 1.0 / 62;
    double[] scores = {1.0 / 63 + 1.0 / 61, 1.0 / 61, tie, tie};
    int[] ids = {30, 10, 20, 40};
    double[] rounded = scores.clone();
    rounded[3] = tie * (1 + 1e-8);
    assertEquals(ReferenceFusion.Agreement.ROUNDING,
        ReferenceFusion.compare(fused, 10, ids, rounded));
    double[] off = scores.clone();
    off[3] = tie * (1 + 1e-5);
    assertEquals(ReferenceFusion.Agreement.DIFFERENT,
        ReferenceFusion.compare(fused, 10, ids, off));
  }
}
