package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A named way of turning text into terms (tokenizing, case folding, stop words, stemming),
 * backed by a Lucene analyzer that never leaves this package.
 *
 * <p>Thread-safe: Lucene analyzers keep their token streams per thread.
 */
public final class TextAnalyzer {
  // Lucene analyzers need a field name; they treat every field alike unless told otherwise.
  private static final String FIELD = "text";

  private final String name;
  private final Analyzer analyzer;

  TextAnalyzer(String name, Analyzer analyzer) {
    this.name = requireNonNull(name, "name");
    this.analyzer = requireNonNull(analyzer, "analyzer");
  }

  /** The name SQL uses for it, in lower case ({@code standard}, {@code english}, ...). */
  public String name() {
    return name;
  }

  /** The terms of {@code text} in order of appearance, repeats included. */
  public List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    forEachTerm(text, terms::add);
    return terms;
  }

  /** How often each term occurs in {@code text}, in term order. */
  public SortedMap<String, Integer> termFrequencies(String text) {
    SortedMap<String, Integer> frequencies = new TreeMap<>();
    forEachTerm(text, term -> frequencies.merge(term, 1, Integer::sum));
    return frequencies;
  }

  /** Hands each term of {@code text} to {@code sink}, in order of appearance. */
  void forEachTerm(String text, Consumer<String> sink) {
    requireNonNull(text, "text");
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        sink.accept(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      // The text is a String in memory: an IOException here is a bug in the analysis chain.
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "text analyzer '" + name + "' failed: " + e.getMessage(), e);
    }
  }

  /** Counts the terms of {@code text} into {@code counts}; returns the total (the length). */
  int countTerms(String text, Map<String, int[]> counts) {
    int[] length = {0};
    forEachTerm(text, term -> {
      counts.computeIfAbsent(term, t -> new int[1])[0]++;
      length[0]++;
    });
    return length[0];
  }

  @Override
  public String toString() {
    return name;
  }
}
