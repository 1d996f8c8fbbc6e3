package dev.azimuth.index.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** BM25 statistics, scores and search, against hand computations. */
class Bm25Test {
  private static final double EPSILON = 1e-12;
  private static final TextAnalyzer STANDARD = TextAnalyzers.standard();

  // Lengths (standard analyzer): 3, 4, 3, no document, 0.
  private static final String[] CORPUS = {
      "the cat sat", "The cat, cat ran", "a dog ran", null, ""};

  private static double idf(double n, double df) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private static double term(double idf, double tf, double dl, double avgdl) {
    double k1 = 1.2;
    double b = 0.75;
    return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl));
  }

  private static List<TextSegment> asIndexed(IntPredicate live) {
    SegmentTextIndex index =
        SegmentTextIndex.build(STANDARD, CORPUS.length, i -> CORPUS[i], null);
    return List.of(TextSegment.indexed(0, index, live));
  }

  private static List<TextSegment> asRaw(IntPredicate live) {
    return List.of(TextSegment.raw(0, STANDARD, CORPUS.length, i -> CORPUS[i], live));
  }

  private static double[] scores(List<TextHit> hits) {
    return hits.stream().sorted(java.util.Comparator.comparingInt(TextHit::ordinal))
        .mapToDouble(TextHit::score).toArray();
  }

  @Test
  void statisticsCountLiveDocumentsWithText() {
    TextQuery query = TextQuery.of(STANDARD, "cat ran zebra");
    // "" is a document of length 0; the null text is none. N = 4, total = 3 + 4 + 3 + 0.
    CollectionStatistics expected = new CollectionStatistics(4, 10, new long[] {2, 2, 0});
    assertEquals(expected, Bm25.statistics(query, asIndexed(null)));
    assertEquals(expected, Bm25.statistics(query, asRaw(null)));
  }

  @Test
  void scoresMatchAHandComputation() {
    TextQuery query = TextQuery.of(STANDARD, "cat ran");
    // N = 4 documents, avgdl = 10 / 4 = 2.5; df(cat) = 2 (d0, d1), df(ran) = 2 (d1, d2).
    double avgdl = 10.0 / 4;
    double idfCat = idf(4, 2);
    double idfRan = idf(4, 2);
    double d0 = term(idfCat, 1, 3, avgdl);
    double d1 = term(idfCat, 2, 4, avgdl) + term(idfRan, 1, 4, avgdl);
    double d2 = term(idfRan, 1, 3, avgdl);
    for (List<TextSegment> table : List.of(asIndexed(null), asRaw(null))) {
      List<TextHit> hits = Bm25.search(query, table, 10, null);
      assertEquals(List.of(1, 0, 2), hits.stream().map(TextHit::ordinal).toList());
      double[] actual = scores(hits);
      assertEquals(d0, actual[0], EPSILON);
      assertEquals(d1, actual[1], EPSILON);
      assertEquals(d2, actual[2], EPSILON);
    }
    // ln(1 + (4 - 2 + 0.5) / (2 + 0.5)) = ln 2, and d0's norm is 1.2 * (0.25 + 0.75 * 3 / 2.5).
    assertEquals(Math.log(2) * 2.2 / (1 + 1.2 * (0.25 + 0.9)), d0, EPSILON);
  }

  @Test
  void aRepeatedQueryTermCountsOncePerOccurrence() {
    CollectionStatistics statistics =
        Bm25.statistics(TextQuery.of(STANDARD, "cat"), asRaw(null));
    double once = Bm25.scorer(TextQuery.of(STANDARD, "cat"), statistics).score(CORPUS[0]);
    double twice = Bm25.scorer(TextQuery.of(STANDARD, "cat CAT"), statistics).score(CORPUS[0]);
    assertEquals(2 * once, twice, EPSILON);
  }

  @Test
  void deletesChangeIdfAndAverageLengthAtOnce() {
    TextQuery query = TextQuery.of(STANDARD, "cat");
    IntPredicate withoutD1 = ordinal -> ordinal != 1;
    // Live: d0 (3), d2 (3), d4 (0): N = 3, avgdl = 6 / 3 = 2, df(cat) = 1.
    double expected = term(idf(3, 1), 1, 3, 2.0);
    for (List<TextSegment> table : List.of(asIndexed(withoutD1), asRaw(withoutD1))) {
      assertEquals(new CollectionStatistics(3, 6, new long[] {1}),
          Bm25.statistics(query, table));
      List<TextHit> hits = Bm25.search(query, table, 10, null);
      assertEquals(1, hits.size());
      assertEquals(0, hits.get(0).ordinal());
      assertEquals(expected, hits.get(0).score(), EPSILON);
    }
    double before = Bm25.search(query, asIndexed(null), 10, null).get(1).score();
    assertEquals(term(idf(4, 2), 1, 3, 2.5), before, EPSILON);
  }

  @Test
  void anAcceptFilterHidesHitsButNotTheirStatistics() {
    TextQuery query = TextQuery.of(STANDARD, "cat");
    List<TextHit> all = Bm25.search(query, asIndexed(null), 10, null);
    List<TextHit> filtered = Bm25.search(query, asIndexed(null), 10,
        segment -> ordinal -> ordinal == 0);
    assertEquals(List.of(all.get(1)), filtered);
    assertEquals(0, filtered.get(0).ordinal());
  }

  @Test
  void matchingIsAnyQueryTermAmongLiveAcceptedDocuments() {
    TextQuery query = TextQuery.of(STANDARD, "sat dog zebra");
    for (List<TextSegment> table : List.of(asIndexed(o -> o != 2), asRaw(o -> o != 2))) {
      assertEquals("[0]", Arrays.toString(table.get(0).matching(query, null)));
    }
    for (List<TextSegment> table : List.of(asIndexed(null), asRaw(null))) {
      assertEquals("[0, 2]", Arrays.toString(table.get(0).matching(query, null)));
      assertEquals("[2]", Arrays.toString(table.get(0).matching(query, o -> o > 0)));
    }
  }

  @Test
  void tiesBreakBySegmentThenOrdinal() {
    String[] texts = {"x", "apple", "apple", "x", "apple"};
    SegmentTextIndex index = SegmentTextIndex.build(STANDARD, texts.length, i -> texts[i], null);
    List<TextSegment> table = List.of(
        TextSegment.indexed(7, index, null),
        TextSegment.raw(3, STANDARD, texts.length, i -> texts[i], null),
        TextSegment.indexed(5, index, ordinal -> ordinal != 1));
    TextQuery query = TextQuery.of(STANDARD, "apple");
    List<String> order = Bm25.search(query, table, 10, null).stream()
        .map(h -> h.segment() + ":" + h.ordinal()).toList();
    assertEquals(List.of("3:1", "3:2", "3:4", "5:2", "5:4", "7:1", "7:2", "7:4"), order);
    List<String> top4 = Bm25.search(query, table, 4, null).stream()
        .map(h -> h.segment() + ":" + h.ordinal()).toList();
    assertEquals(order.subList(0, 4), top4);
  }

  @Test
  void emptyQueriesAndKZeroFindNothingAndNegativeKIsRefused() {
    assertEquals(List.of(), Bm25.search(TextQuery.of(STANDARD, " , "), asRaw(null), 5, null));
    assertEquals(List.of(), Bm25.search(TextQuery.of(STANDARD, "cat"), asRaw(null), 0, null));
    AzimuthException e = assertThrows(AzimuthException.class,
        () -> Bm25.search(TextQuery.of(STANDARD, "cat"), asRaw(null), -1, null));
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
  }

  @Test
  void aQueryOfAnotherAnalyzerIsABug() {
    TextQuery english = TextQuery.of(TextAnalyzers.forName("english"), "cat");
    AzimuthException e = assertThrows(AzimuthException.class,
        () -> Bm25.search(english, asIndexed(null), 5, null));
    assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
  }
}
