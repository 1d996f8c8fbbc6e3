package dev.azimuth.index.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding the statistics of segments, and scoring with few or no documents. */
class CollectionStatisticsTest {
  private static final TextAnalyzer STANDARD = TextAnalyzers.standard();

  @Test
  void aGrowingSegmentsCountsAddToTheSealedOnes() {
    String[] sealed = {"red fish", "blue fish", null};
    String[] growing = {"red red red", "green"};
    TextQuery query = TextQuery.of(STANDARD, "fish red");
    CollectionStatistics fromIndex = TextSegment.indexed(1,
        SegmentTextIndex.build(STANDARD, 3, i -> sealed[i], null), null).statistics(query);
    CollectionStatistics fromText =
        TextSegment.raw(2, STANDARD, 2, i -> growing[i], null).statistics(query);
    // Terms in order: fish, red. Sealed: 2 documents, 4 terms; growing: 2 documents, 4 terms.
    assertEquals(new CollectionStatistics(2, 4, new long[] {2, 1}), fromIndex);
    assertEquals(new CollectionStatistics(2, 4, new long[] {0, 1}), fromText);
    CollectionStatistics table = new CollectionStatistics(4, 8, new long[] {2, 2});
    assertEquals(table, fromIndex.plus(fromText));
    assertEquals(2.0, table.averageLength());
    assertEquals(table, Bm25.statistics(query, List.of(
        TextSegment.raw(1, STANDARD, 3, i -> sealed[i], null),
        TextSegment.raw(2, STANDARD, 2, i -> growing[i], null))));
  }

  @Test
  void impossibleStatisticsAreBugs() {
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(AzimuthException.class,
        () -> new CollectionStatistics(1, 1, new long[] {2})).code());
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(AzimuthException.class,
        () -> CollectionStatistics.empty(1).plus(CollectionStatistics.empty(2))).code());
    assertEquals(0.0, CollectionStatistics.empty(0).averageLength());
  }

  @Test
  void textOutsideTheStatisticsStillScoresFinitely() {
    TextQuery query = TextQuery.of(STANDARD, "cat");
    Bm25Scorer scorer = Bm25.scorer(query, CollectionStatistics.empty(1));
    // N = 0, df = 0: IDF = ln(1 + 0.5 / 0.5) = ln 2; avgdl unknown, so dl counts as average.
    assertEquals(Math.log(2) * 2.2 / (1 + 1.2), scorer.score("cat"), 1e-12);
    assertEquals(0.0, scorer.score(null));
    assertEquals(0.0, scorer.score("dog"));
  }
}
