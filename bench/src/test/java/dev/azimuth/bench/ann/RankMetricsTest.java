package dev.azimuth.bench.ann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RankMetricsTest {
  private static final double EPS = 1e-12;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void recallCountsRelevantIdsInTheFirstKOverAllRelevant() {
    int[] ranked = {5, 1, 9, 2, 7};
    assertEquals(2 / 3.0, RankMetrics.recall(ranked, Set.of(1, 2, 3), 5), EPS);
    assertEquals(1 / 3.0, RankMetrics.recall(ranked, Set.of(1, 2, 3), 3), EPS);
    assertEquals(0, RankMetrics.recall(ranked, Set.of(4), 5), EPS);
  }

  @Test
  void recallStaysBelowOneWhenMoreThanKAreRelevant() {
    assertEquals(2 / 4.0, RankMetrics.recall(new int[] {1, 2}, Set.of(1, 2, 3, 4), 2), EPS);
  }

  @Test
  void ndcgOfOneRelevantIdIsItsDiscount() {
    // relevant at place 3: DCG = 1/log2(4) = 0.5; ideal = 1/log2(2) = 1.
    assertEquals(0.5, RankMetrics.ndcg(new int[] {8, 9, 4, 5}, Set.of(4), 10), EPS);
    assertEquals(1.0, RankMetrics.ndcg(new int[] {4, 9}, Set.of(4), 10), EPS);
    assertEquals(0.0, RankMetrics.ndcg(new int[] {8, 9, 4}, Set.of(4), 2), EPS);
  }

  @Test
  void ndcgWithSeveralRelevantIdsDividesByTheIdealList() {
    // relevant {1, 2, 3}; found at places 2 and 4 of k = 4.
    double dcg = 1 / log2(3) + 1 / log2(5);
    double ideal = 1 + 1 / log2(3) + 1 / log2(4);
    assertEquals(dcg / ideal, RankMetrics.ndcg(new int[] {7, 1, 8, 3}, Set.of(1, 2, 3), 4),
        EPS);
    // k = 2 caps the ideal list at two relevant ids: 1 + 1/log2(3).
    assertEquals((1 / log2(3)) / (1 + 1 / log2(3)),
        RankMetrics.ndcg(new int[] {7, 1, 8, 3}, Set.of(1, 2, 3), 2), EPS);
  }

  @Test
  void aRepeatedIdCountsOnceAtItsFirstPlace() {
    assertEquals(1 / (1 + 1 / log2(3)),
        RankMetrics.ndcg(new int[] {1, 1, 2}, Set.of(1, 2), 2), EPS);
    assertEquals(0.5, RankMetrics.recall(new int[] {1, 1}, Set.of(1, 2), 2), EPS);
  }

  @Test
  void reciprocalRankIsOneOverTheFirstRelevantPlaceWithinK() {
    assertEquals(1 / 3.0, RankMetrics.reciprocalRank(new int[] {8, 9, 4, 5}, Set.of(4, 5), 10),
        EPS);
    assertEquals(1.0, RankMetrics.reciprocalRank(new int[] {4}, Set.of(4), 10), EPS);
    assertEquals(0, RankMetrics.reciprocalRank(new int[] {8, 9, 4}, Set.of(4), 2), EPS);
    assertEquals(0, RankMetrics.reciprocalRank(new int[] {}, Set.of(4), 10), EPS);
  }

  @Test
  void aQueryWithoutRelevantIdsIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> RankMetrics.ndcg(new int[] {1}, Set.of(), 10));
  }

  @Test
  void meanAveragesEachMetricOverQueries() {
    RankMetrics.Mean mean = new RankMetrics.Mean(2);
    mean.add(new int[] {1, 2}, Set.of(1)); // recall 1, nDCG 1, RR 1
    mean.add(new int[] {3, 1}, Set.of(1, 4)); // recall 1/2, nDCG (1/log2 3)/(1 + 1/log2 3), RR 1/2
    assertEquals(2, mean.queries());
    assertEquals(0.75, mean.recall(), EPS);
    assertEquals((1 + (1 / log2(3)) / (1 + 1 / log2(3))) / 2, mean.ndcg(), EPS);
    assertEquals(0.75, mean.mrr(), EPS);
  }
}
