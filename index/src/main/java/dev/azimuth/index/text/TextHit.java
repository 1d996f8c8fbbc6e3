package dev.azimuth.index.text;

import java.util.Comparator;

/**
 * One document found by a text search: where it is and its BM25 score.
 *
 * @param segment the segment id
 * @param ordinal the row's ordinal in that segment
 * @param score its BM25 score, greater than 0
 */
public record TextHit(int segment, int ordinal, double score) {
  /** Best first: higher score, then lower segment, then lower ordinal; a total order. */
  public static final Comparator<TextHit> BEST_FIRST = Comparator
      .comparingDouble(TextHit::score).reversed()
      .thenComparingInt(TextHit::segment)
      .thenComparingInt(TextHit::ordinal);
}
