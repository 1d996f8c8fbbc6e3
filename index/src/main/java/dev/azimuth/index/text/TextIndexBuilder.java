package dev.azimuth.index.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Builds a {@link SegmentTextIndex} in one pass over the ordinals: each document is analyzed
 * once and its terms appended, already encoded, to their posting lists, so a build holds the
 * compressed postings and never a list of boxed ones. Not thread-safe; one build per instance.
 */
final class TextIndexBuilder {
  /** One term's postings while they are being appended, in ascending ordinal order. */
  private static final class TermPostings {
    final ByteSink bytes = new ByteSink(8);
    int documents;
    int lastOrdinal = -1;

    void add(int ordinal, int frequency) {
      TextIndexFile.writePosting(bytes, ordinal - lastOrdinal, frequency);
      lastOrdinal = ordinal;
      documents++;
    }
  }

  private TextIndexBuilder() {}

  static SegmentTextIndex build(TextAnalyzer analyzer, int ordinalCount,
      IntFunction<String> texts, IntPredicate include) {
    int[] lengths = new int[ordinalCount];
    Arrays.fill(lengths, SegmentTextIndex.NO_DOCUMENT);
    Map<String, TermPostings> byTerm = new HashMap<>();
    Map<String, int[]> counts = new HashMap<>();
    int documents = 0;
    long total = 0;
    for (int ordinal = 0; ordinal < ordinalCount; ordinal++) {
      if (include != null && !include.test(ordinal)) {
        continue;
      }
      String text = texts.apply(ordinal);
      if (text == null) {
        continue;
      }
      counts.clear();
      int length = analyzer.countTerms(text, counts);
      lengths[ordinal] = length;
      documents++;
      total += length;
      for (Map.Entry<String, int[]> entry : counts.entrySet()) {
        byTerm.computeIfAbsent(entry.getKey(), t -> new TermPostings())
            .add(ordinal, entry.getValue()[0]);
      }
    }
    return assemble(analyzer, lengths, documents, total, byTerm);
  }

  private static SegmentTextIndex assemble(TextAnalyzer analyzer, int[] lengths, int documents,
      long total, Map<String, TermPostings> byTerm) {
    int termCount = byTerm.size();
    byte[][] utf8 = new byte[termCount][];
    TermPostings[] lists = new TermPostings[termCount];
    Integer[] order = new Integer[termCount];
    int n = 0;
    for (Map.Entry<String, TermPostings> entry : byTerm.entrySet()) {
      utf8[n] = entry.getKey().getBytes(StandardCharsets.UTF_8);
      lists[n] = entry.getValue();
      order[n] = n;
      n++;
    }
    // UTF-8 byte order, not String order: the dictionary is searched by bytes, as Lucene's is.
    Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(utf8[a], utf8[b]));
    ByteSink termBytes = new ByteSink(termCount * 8);
    ByteSink postings = new ByteSink(termCount * 8);
    int[] termOffsets = new int[termCount + 1];
    int[] postingOffsets = new int[termCount + 1];
    int[] documentFrequencies = new int[termCount];
    for (int i = 0; i < termCount; i++) {
      int term = order[i];
      termBytes.writeBytes(utf8[term], 0, utf8[term].length);
      postings.writeBytes(lists[term].bytes.array(), 0, lists[term].bytes.size());
      documentFrequencies[i] = lists[term].documents;
      termOffsets[i + 1] = termBytes.size();
      postingOffsets[i + 1] = postings.size();
    }
    return new SegmentTextIndex(analyzer, lengths, documents, total, termBytes.toArray(),
        termOffsets, documentFrequencies, postings.toArray(), postingOffsets);
  }
}
