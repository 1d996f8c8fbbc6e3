package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * One segment of a table as text search sees it: either a sealed segment's
 * {@link SegmentTextIndex} or the raw texts of a segment without one (the growing segment, a
 * sealed one whose index is not built yet, or any segment of a table with no FULLTEXT index),
 * with the segment's live ordinals.
 *
 * <p>Both kinds count statistics and matches by the same definitions, so a table can mix them
 * freely and a score does not depend on which segments are indexed. Thread-safe when the
 * functions it was given are; raw texts are analyzed on every call.
 */
public sealed interface TextSegment {
  /** The segment id, used in hits and to break ties. */
  int id();

  /** Which ordinals are live (not deleted); null when all are. */
  IntPredicate live();

  /** A sealed segment searched through its index. */
  static TextSegment indexed(int id, SegmentTextIndex index, IntPredicate live) {
    return new Indexed(id, index, live);
  }

  /**
   * A segment searched by analyzing its texts.
   *
   * @param texts the text at an ordinal, null for none
   */
  static TextSegment raw(int id, TextAnalyzer analyzer, int ordinalCount,
      IntFunction<String> texts, IntPredicate live) {
    return new Raw(id, analyzer, ordinalCount, texts, live);
  }

  /** This segment's statistics over its live documents. */
  default CollectionStatistics statistics(TextQuery query) {
    return SegmentMatcher.match(this, query, ordinal -> false).statistics();
  }

  /**
   * TEXT_MATCH: the live ordinals accepted by {@code accept} whose text contains at least one
   * query term, ascending.
   *
   * @param accept a further filter; null accepts all
   */
  default int[] matching(TextQuery query, IntPredicate accept) {
    SegmentMatches matches = SegmentMatcher.match(this, query, accept);
    int[] ordinals = new int[matches.size()];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = matches.ordinal(i);
    }
    return ordinals;
  }

  /** A segment with a text index. */
  record Indexed(int id, SegmentTextIndex index, IntPredicate live) implements TextSegment {
    /** Checks that the index is present. */
    public Indexed {
      requireNonNull(index, "index");
    }
  }

  /** A segment without a text index. */
  record Raw(int id, TextAnalyzer analyzer, int ordinalCount, IntFunction<String> texts,
      IntPredicate live) implements TextSegment {
    /** Checks the arguments. */
    public Raw {
      requireNonNull(analyzer, "analyzer");
      requireNonNull(texts, "texts");
      if (ordinalCount < 0) {
        throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "negative ordinal count "
            + ordinalCount);
      }
    }
  }
}
