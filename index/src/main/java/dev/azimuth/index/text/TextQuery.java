package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The words of a TEXT_MATCH or BM25 call, analyzed: its distinct terms, in term order, and how
 * often each occurs in the query.
 *
 * <p>A document matches when it contains at least one term (OR semantics). A term written twice
 * counts twice in a score, as in a Lucene query of two SHOULD clauses. A query whose text has no
 * terms (empty, or only stop words) matches nothing. Immutable and thread-safe.
 */
public final class TextQuery {
  private final TextAnalyzer analyzer;
  private final String text;
  private final List<String> terms;
  private final int[] occurrences;
  private final byte[][] utf8;
  private final Map<String, Integer> positions;

  private TextQuery(TextAnalyzer analyzer, String text, SortedMap<String, Integer> frequencies) {
    this.analyzer = analyzer;
    this.text = text;
    this.terms = List.copyOf(frequencies.keySet());
    this.occurrences = new int[terms.size()];
    this.utf8 = new byte[terms.size()][];
    this.positions = new HashMap<>();
    int i = 0;
    for (Map.Entry<String, Integer> entry : frequencies.entrySet()) {
      occurrences[i] = entry.getValue();
      utf8[i] = entry.getKey().getBytes(StandardCharsets.UTF_8);
      positions.put(entry.getKey(), i);
      i++;
    }
  }

  /** Analyzes {@code text} with {@code analyzer}, which must be the index's or column's own. */
  public static TextQuery of(TextAnalyzer analyzer, String text) {
    requireNonNull(analyzer, "analyzer");
    requireNonNull(text, "text");
    return new TextQuery(analyzer, text, analyzer.termFrequencies(text));
  }

  /** The analyzer that made the terms; documents must be analyzed the same way. */
  public TextAnalyzer analyzer() {
    return analyzer;
  }

  /** The query as written. */
  public String text() {
    return text;
  }

  /** The distinct terms in term order; term {@code i} is the {@code i}-th of this list. */
  public List<String> terms() {
    return terms;
  }

  /** The number of distinct terms. */
  public int termCount() {
    return terms.size();
  }

  /** How often term {@code i} occurs in the query. */
  public int occurrences(int i) {
    return occurrences[i];
  }

  /** True when the query has no terms and so matches nothing. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** TEXT_MATCH over raw text: true when {@code text} contains at least one query term. */
  public boolean matches(String text) {
    if (text == null || isEmpty()) {
      return false;
    }
    // The analyzer cannot stop early; a document is short next to the cost of a lookup each.
    boolean[] found = {false};
    analyzer.forEachTerm(text, term -> found[0] |= positions.containsKey(term));
    return found[0];
  }

  /** The position of {@code term} among {@link #terms()}, or -1. */
  int indexOf(String term) {
    Integer i = positions.get(term);
    return i == null ? -1 : i;
  }

  /** Term {@code i} in UTF-8, as the index dictionary stores it. */
  byte[] utf8(int i) {
    return utf8[i];
  }

  /** Counts the query terms of {@code text} into {@code frequencies}; returns its length. */
  int analyze(String text, int[] frequencies) {
    Arrays.fill(frequencies, 0);
    int[] length = {0};
    analyzer.forEachTerm(text, term -> {
      length[0]++;
      Integer i = positions.get(term);
      if (i != null) {
        frequencies[i]++;
      }
    });
    return length[0];
  }

  @Override
  public String toString() {
    return analyzer.name() + ":" + terms;
  }
}
