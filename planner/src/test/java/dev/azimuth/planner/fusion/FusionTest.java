package dev.azimuth.planner.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.azimuth.planner.fusion.Fusion.Fused;
import dev.azimuth.planner.fusion.Fusion.Input;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static final double EPS = 1e-12;

  private static List<Object> keys(List<Fused> fused) {
    return fused.stream().map(Fused::key).toList();
  }

  @Test
  void rrfByHand() {
    // Vector input ranks 1, 2, 3; text input ranks 3, 1, 4; k = 60.
    List<Fused> f = Fusion.rrf(List.of(Input.ranked(List.of(1L, 2L, 3L)),
        Input.ranked(List.of(3L, 1L, 4L))), 60);
    double d1 = 1.0 / 61 + 1.0 / 62;
    double d3 = 1.0 / 63 + 1.0 / 61;
    double d2 = 1.0 / 62;
    double d4 = 1.0 / 63;
    assertEquals(List.of(1L, 3L, 2L, 4L), keys(f));
    assertEquals(d1, f.get(0).score(), EPS);
    assertEquals(d3, f.get(1).score(), EPS);
    assertEquals(d2, f.get(2).score(), EPS);
    assertEquals(d4, f.get(3).score(), EPS);
    assertArrayEquals(new Integer[] {1, 2}, f.get(0).ranks());
    assertArrayEquals(new Integer[] {2, null}, f.get(2).ranks(), "2 is missing from text");
    assertArrayEquals(new Integer[] {null, 3}, f.get(3).ranks(), "4 is missing from vector");
  }

  @Test
  void rrfTiesGoToTheSmallerKey() {
    // 7 and 5 each rank first in one input: equal scores 1/(10+1); 5 comes first.
    List<Fused> f = Fusion.rrf(List.of(Input.ranked(List.of(7L, 9L)),
        Input.ranked(List.of(5L, 9L))), 10);
    assertEquals(List.of(9L, 5L, 7L), keys(f), "9: 2/12 = 0.1667 beats 1/11 = 0.0909");
    assertEquals(2.0 / 12, f.get(0).score(), EPS);
    assertEquals(f.get(1).score(), f.get(2).score(), 0.0);
    List<Fused> text = Fusion.rrf(List.of(Input.ranked(List.of("b", "a")),
        Input.ranked(List.of("a", "b"))), 60);
    assertEquals(List.of("a", "b"), keys(text), "equal sums, so key order");
  }

  @Test
  void aKeyListedTwiceCountsAtItsBestPlace() {
    List<Fused> f = Fusion.rrf(List.of(Input.ranked(List.of(1L, 2L, 1L))), 0);
    assertEquals(1.0, f.get(0).score(), EPS);
    assertArrayEquals(new Integer[] {1}, f.get(0).ranks());
    assertEquals(0.5, f.get(1).score(), EPS);
  }

  @Test
  void aNullKeyIsSkippedButKeepsItsPlace() {
    List<Fused> f = Fusion.rrf(List.of(Input.ranked(Arrays.asList(null, 2L, 3L))), 0);
    assertEquals(List.of(2L, 3L), keys(f));
    assertArrayEquals(new Integer[] {2}, f.get(0).ranks());
    assertEquals(0.5, f.get(0).score(), EPS);
  }

  @Test
  void equalContributionsFromDifferentInputsTieExactly() {
    // A Latin square: keys 1, 2 and 3 each rank 1, 2 and 3 once, in different inputs. Summed
    // in input order, 1/61 + 1/62 + 1/63 need not equal 1/62 + 1/63 + 1/61 to the last bit.
    List<Fused> f = Fusion.rrf(List.of(Input.ranked(List.of(3L, 1L, 2L)),
        Input.ranked(List.of(2L, 3L, 1L)), Input.ranked(List.of(1L, 2L, 3L))), 60);
    assertEquals(List.of(1L, 2L, 3L), keys(f));
    assertEquals(f.get(0).score(), f.get(1).score(), 0.0);
    assertEquals(f.get(0).score(), f.get(2).score(), 0.0);
    assertEquals(1.0 / 61 + 1.0 / 62 + 1.0 / 63, f.get(0).score(), EPS);
  }

  @Test
  void aNanScoreWeighsNothing() {
    Input cosine = new Input(List.of(1L, 2L), new double[] {Double.NaN, 0.5});
    List<Fused> f = Fusion.weighted(List.of(cosine), new double[] {1},
        List.of(ScoreNormalization.COSINE_DISTANCE));
    assertEquals(List.of(2L, 1L), keys(f));
    assertEquals(0.75, f.get(0).score(), EPS);
    assertEquals(0.0, f.get(1).score(), 0.0);
    assertArrayEquals(new Integer[] {1}, f.get(1).ranks());
  }

  @Test
  void weightedByHand() {
    // Vector input: L2 distances; text input: BM25 scores; weights 0.7 and 0.3.
    Input vector = new Input(List.of(1L, 2L), new double[] {0.5, 2.0});
    Input text = new Input(List.of(2L, 3L), new double[] {4.0, 1.0});
    List<Fused> f = Fusion.weighted(List.of(vector, text), new double[] {0.7, 0.3},
        List.of(ScoreNormalization.L2_DISTANCE, ScoreNormalization.BM25));
    double d1 = 0.7 * (1 - 2 * Math.atan(0.5) / Math.PI);
    double d2 = 0.7 * (1 - 2 * Math.atan(2.0) / Math.PI) + 0.3 * (2 * Math.atan(4.0) / Math.PI);
    double d3 = 0.3 * (2 * Math.atan(1.0) / Math.PI);
    // d1 = 0.7 * 0.7048 = 0.4934; d2 = 0.7 * 0.2952 + 0.3 * 0.8440 = 0.4598; d3 = 0.15.
    assertEquals(List.of(1L, 2L, 3L), keys(f));
    assertEquals(d1, f.get(0).score(), EPS);
    assertEquals(d2, f.get(1).score(), EPS);
    assertEquals(d3, f.get(2).score(), EPS);
    assertArrayEquals(new Integer[] {null, 2}, f.get(2).ranks());
  }

  @Test
  void normalizationsMapOntoTheUnitIntervalBestHigh() {
    assertEquals(1.0, ScoreNormalization.L2_DISTANCE.normalize(0), EPS);
    assertEquals(0.5, ScoreNormalization.L2_DISTANCE.normalize(1), EPS);
    assertEquals(1.0, ScoreNormalization.COSINE_DISTANCE.normalize(0), EPS);
    assertEquals(0.0, ScoreNormalization.COSINE_DISTANCE.normalize(2), EPS);
    assertEquals(0.5, ScoreNormalization.INNER_PRODUCT.normalize(0), EPS);
    assertEquals(0.75, ScoreNormalization.INNER_PRODUCT.normalize(1), EPS);
    assertEquals(0.25, ScoreNormalization.NEGATIVE_INNER_PRODUCT.normalize(1), EPS);
    assertEquals(0.5, ScoreNormalization.BM25.normalize(1), EPS);
    assertEquals(0.5, ScoreNormalization.L1_DISTANCE.normalize(1), EPS);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Fusion.rrf(List.of(Input.ranked(List.of(1L))), -1));
    assertThrows(IllegalArgumentException.class, () -> Fusion.weighted(
        List.of(Input.ranked(List.of(1L))), new double[] {1},
        List.of(ScoreNormalization.BM25)));
    assertThrows(IllegalArgumentException.class, () -> new Input(List.of(1L, 2L),
        new double[] {1}));
  }
}
