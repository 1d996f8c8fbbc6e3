package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;

/**
 * Scores documents for one query against fixed collection statistics:
 * {@code score(d) = Σ_t occ(t) · IDF(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · dl / avgdl))}
 * over the query's distinct terms {@code t} with {@code tf > 0}, where {@code occ(t)} is how
 * often {@code t} occurs in the query (see {@link Bm25}).
 *
 * <p>Every score, from an index or from raw text, goes through {@link #score(int, int[])}, so
 * both paths give bit-identical results. Immutable and thread-safe.
 */
public final class Bm25Scorer {
  private final TextQuery query;
  private final CollectionStatistics statistics;
  private final double averageLength;
  // occ(t) · IDF(t) · (k1 + 1), the part of each term's contribution that no document changes.
  private final double[] weights;

  Bm25Scorer(TextQuery query, CollectionStatistics statistics) {
    this.query = requireNonNull(query, "query");
    this.statistics = requireNonNull(statistics, "statistics");
    if (statistics.documentFrequencies().length != query.termCount()) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "statistics of "
          + statistics.documentFrequencies().length + " terms for a query of "
          + query.termCount() + " terms");
    }
    this.averageLength = statistics.averageLength();
    this.weights = new double[query.termCount()];
    for (int i = 0; i < weights.length; i++) {
      double idf = Bm25.idf(statistics.documents(), statistics.documentFrequencies()[i]);
      weights[i] = query.occurrences(i) * idf * (Bm25.K1 + 1);
    }
  }

  /** The query it scores for. */
  public TextQuery query() {
    return query;
  }

  /** The statistics it scores with. */
  public CollectionStatistics statistics() {
    return statistics;
  }

  /**
   * The score of a document of {@code length} terms in which query term {@code i} occurs
   * {@code frequencies[i]} times; 0 when none occurs.
   */
  public double score(int length, int[] frequencies) {
    // avgdl is 0 only when no live document has a term; a text scored from outside the
    // statistics (say, a row deleted since) then counts as of average length.
    double norm = averageLength > 0
        ? Bm25.K1 * (1 - Bm25.B + Bm25.B * length / averageLength)
        : Bm25.K1;
    double score = 0;
    for (int i = 0; i < weights.length; i++) {
      int tf = frequencies[i];
      if (tf > 0) {
        score += weights[i] * tf / (tf + norm);
      }
    }
    return score;
  }

  /** The score of raw {@code text} (analyzed here); 0 for null or when no query term occurs. */
  public double score(String text) {
    if (text == null) {
      return 0;
    }
    int[] frequencies = new int[query.termCount()];
    int length = query.analyze(text, frequencies);
    return score(length, frequencies);
  }
}
