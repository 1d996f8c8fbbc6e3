package dev.azimuth.index.text;

import java.util.Arrays;

/**
 * One segment's part of a search: its statistics over live rows, and the live, accepted
 * documents that contain a query term with their lengths and query term frequencies. Scores
 * wait for the statistics of every segment. Not thread-safe while it is being filled.
 */
final class SegmentMatches {
  private final int segment;
  private final int termCount;
  private CollectionStatistics statistics;
  private int size;
  private int[] ordinals = new int[16];
  private int[] lengths = new int[16];
  private int[] frequencies;

  SegmentMatches(int segment, int termCount) {
    this.segment = segment;
    this.termCount = termCount;
    this.frequencies = new int[16 * termCount];
  }

  void add(int ordinal, int length, int[] termFrequencies) {
    if (size == ordinals.length) {
      int capacity = size * 2;
      ordinals = Arrays.copyOf(ordinals, capacity);
      lengths = Arrays.copyOf(lengths, capacity);
      frequencies = Arrays.copyOf(frequencies, capacity * termCount);
    }
    ordinals[size] = ordinal;
    lengths[size] = length;
    System.arraycopy(termFrequencies, 0, frequencies, size * termCount, termCount);
    size++;
  }

  void statistics(CollectionStatistics statistics) {
    this.statistics = statistics;
  }

  CollectionStatistics statistics() {
    return statistics;
  }

  int segment() {
    return segment;
  }

  int size() {
    return size;
  }

  int ordinal(int i) {
    return ordinals[i];
  }

  /** The score of match {@code i}; {@code scratch} holds {@code termCount} ints. */
  double score(int i, Bm25Scorer scorer, int[] scratch) {
    System.arraycopy(frequencies, i * termCount, scratch, 0, termCount);
    return scorer.score(lengths[i], scratch);
  }
}
