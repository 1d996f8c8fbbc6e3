package dev.azimuth.bench.ann;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Relevance labels for the WordNet set, which ships none: a base synset is relevant to a query
 * synset when they share a lemma (a word or collocation, compared in lower case), that is, when
 * the base gloss is another sense of one of the query's words. The base text is
 * {@code "lemma1, lemma2, ... (pos): gloss"} and a term query lists the query's lemmas,
 * {@code "lemma1, lemma2"}.
 */
final class WordNetLemmas {
  private final Map<String, List<Integer>> byLemma = new HashMap<>();

  /** Indexes base synset {@code id} under the lemmas of its text. */
  void add(int id, String text, String pos) {
    for (String lemma : baseLemmas(text, pos)) {
      byLemma.computeIfAbsent(lemma, l -> new ArrayList<>()).add(id);
    }
  }

  /** The base synsets sharing at least one lemma with a term query's lemmas. */
  Set<Integer> relevant(String termQuery) {
    Set<Integer> out = new HashSet<>();
    for (String lemma : split(termQuery)) {
      out.addAll(byLemma.getOrDefault(lemma, List.of()));
    }
    return out;
  }

  /** The lemma part of a base text, {@code "dog, domestic dog (noun)"}, as a title. */
  static String title(String text, String pos) {
    return text.substring(0, lemmaEnd(text, pos)) + " (" + pos + ")";
  }

  /** The lemmas of a base text, in lower case. */
  static List<String> baseLemmas(String text, String pos) {
    return split(text.substring(0, lemmaEnd(text, pos)));
  }

  private static int lemmaEnd(String text, String pos) {
    int end = text.indexOf(" (" + pos + "): ");
    if (end < 0) {
      throw new IllegalArgumentException("no \" (" + pos + "): \" in: " + text);
    }
    return end;
  }

  private static List<String> split(String lemmas) {
    List<String> out = new ArrayList<>();
    for (String lemma : lemmas.split(", ")) {
      String l = lemma.strip().toLowerCase(Locale.ROOT);
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }
}
