package dev.azimuth.index.text;

import java.util.Random;

/** Seeded random texts over a small skewed vocabulary, with some null and empty ones. */
final class RandomCorpus {
  private static final String[] WORDS = {
      "apple", "Apples", "banana", "cherry", "run", "running", "runs", "the", "a", "of",
      "vector", "vectors", "index", "search", "fast", "slow", "zebra", "über", "naïve", "日本",
      "データ", "x1", "42", "quick", "brown", "fox", "jumps", "lazy", "dog", "dogs"};

  private RandomCorpus() {}

  static String[] generate(long seed, int count) {
    Random random = new Random(seed);
    String[] texts = new String[count];
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(20);
      if (kind == 0) {
        continue;
      }
      if (kind == 1) {
        texts[i] = "";
        continue;
      }
      int length = 1 + random.nextInt(30);
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < length; w++) {
        // Squaring skews towards the first words, as word frequencies are skewed.
        double u = random.nextDouble();
        text.append(WORDS[(int) (u * u * WORDS.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
      }
      texts[i] = text.toString();
    }
    return texts;
  }

  /** A query of one to four words of the vocabulary, possibly repeated. */
  static String query(Random random) {
    StringBuilder query = new StringBuilder();
    int words = 1 + random.nextInt(4);
    for (int w = 0; w < words; w++) {
      query.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return query.toString();
  }
}
