package dev.azimuth.index.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Index and exact scan agree exactly: the same hits, the same scores to the last bit, however a
 * table is split into indexed and raw segments, with deletions.
 */
class TextSearchEquivalenceTest {
  private static final int SEGMENTS = 4;
  private static final int PER_SEGMENT = 300;

  @ParameterizedTest
  @ValueSource(strings = {"standard", "english", "simple", "whitespace"})
  void indexedAndRawSegmentsGiveIdenticalScores(String analyzerName) {
    TextAnalyzer analyzer = TextAnalyzers.forName(analyzerName);
    Random random = new Random(analyzerName.hashCode());
    String[][] texts = new String[SEGMENTS][];
    BitSet[] deleted = new BitSet[SEGMENTS];
    List<TextSegment> indexed = new ArrayList<>();
    List<TextSegment> raw = new ArrayList<>();
    List<TextSegment> mixed = new ArrayList<>();
    for (int s = 0; s < SEGMENTS; s++) {
      String[] segmentTexts = RandomCorpus.generate(1000L * s + analyzerName.length(),
          PER_SEGMENT);
      texts[s] = segmentTexts;
      deleted[s] = new BitSet();
      for (int i = 0; i < PER_SEGMENT; i++) {
        if (random.nextInt(5) == 0) {
          deleted[s].set(i);
        }
      }
      BitSet gone = deleted[s];
      IntPredicate live = ordinal -> !gone.get(ordinal);
      SegmentTextIndex index =
          SegmentTextIndex.build(analyzer, PER_SEGMENT, i -> segmentTexts[i], null);
      TextSegment asRaw = TextSegment.raw(s, analyzer, PER_SEGMENT, i -> segmentTexts[i], live);
      indexed.add(TextSegment.indexed(s, index, live));
      raw.add(asRaw);
      // The last segment plays the growing one: raw, next to indexed sealed ones.
      mixed.add(s == SEGMENTS - 1 ? asRaw : TextSegment.indexed(s, index, live));
    }
    int nonEmpty = 0;
    for (int q = 0; q < 40; q++) {
      TextQuery query = TextQuery.of(analyzer, RandomCorpus.query(random));
      CollectionStatistics statistics = Bm25.statistics(query, raw);
      assertEquals(statistics, Bm25.statistics(query, indexed));
      assertEquals(statistics, Bm25.statistics(query, mixed));

      List<TextHit> exact = Bm25.search(query, raw, Integer.MAX_VALUE, null);
      assertEquals(exact, Bm25.search(query, indexed, Integer.MAX_VALUE, null), query::toString);
      assertEquals(exact, Bm25.search(query, mixed, Integer.MAX_VALUE, null), query::toString);
      assertEquals(exact.subList(0, Math.min(10, exact.size())),
          Bm25.search(query, indexed, 10, null));

      // Per-row scoring of raw text (the BM25() function without an index) agrees as well.
      Bm25Scorer scorer = Bm25.scorer(query, statistics);
      int hits = 0;
      for (int s = 0; s < SEGMENTS; s++) {
        int[] expectedMatches = indexed.get(s).matching(query, null);
        assertArrayEquals(expectedMatches, raw.get(s).matching(query, null));
        List<Integer> bruteForce = new ArrayList<>();
        for (int i = 0; i < PER_SEGMENT; i++) {
          if (!deleted[s].get(i) && query.matches(texts[s][i])) {
            bruteForce.add(i);
          }
        }
        assertEquals(bruteForce, java.util.Arrays.stream(expectedMatches).boxed().toList());
        hits += bruteForce.size();
      }
      assertEquals(hits, exact.size());
      for (TextHit hit : exact) {
        assertEquals(hit.score(), scorer.score(texts[hit.segment()][hit.ordinal()]));
        assertFalse(deleted[hit.segment()].get(hit.ordinal()));
      }
      nonEmpty += exact.isEmpty() ? 0 : 1;
    }
    assertFalse(nonEmpty < 20, "too few queries found anything: " + nonEmpty);
  }
}
