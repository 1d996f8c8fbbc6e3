package dev.azimuth.index.text;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.function.IntPredicate;

/**
 * Counts one segment's statistics and collects its matches, through its index or by analyzing
 * its raw texts, by the same definitions. Stateless and thread-safe.
 */
final class SegmentMatcher {
  private SegmentMatcher() {}

  /** Statistics over live documents, plus the live accepted documents that match. */
  static SegmentMatches match(TextSegment segment, TextQuery query, IntPredicate accept) {
    return switch (segment) {
      case TextSegment.Indexed indexed ->
          indexed.index().match(indexed.id(), query, indexed.live(), accept);
      case TextSegment.Raw raw -> matchRaw(raw, query, accept);
    };
  }

  private static SegmentMatches matchRaw(TextSegment.Raw raw, TextQuery query,
      IntPredicate accept) {
    if (!query.analyzer().name().equals(raw.analyzer().name())) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "a query analyzed with '"
          + query.analyzer().name() + "' cannot search texts analyzed with '"
          + raw.analyzer().name() + "'");
    }
    IntPredicate live = raw.live();
    int terms = query.termCount();
    SegmentMatches matches = new SegmentMatches(raw.id(), terms);
    int[] frequencies = new int[terms];
    long documents = 0;
    long total = 0;
    long[] df = new long[terms];
    for (int ordinal = 0; ordinal < raw.ordinalCount(); ordinal++) {
      if (live != null && !live.test(ordinal)) {
        continue;
      }
      String text = raw.texts().apply(ordinal);
      if (text == null) {
        continue;
      }
      int length = query.analyze(text, frequencies);
      documents++;
      total += length;
      boolean any = false;
      for (int t = 0; t < terms; t++) {
        if (frequencies[t] > 0) {
          df[t]++;
          any = true;
        }
      }
      if (any && (accept == null || accept.test(ordinal))) {
        matches.add(ordinal, length, frequencies);
      }
    }
    matches.statistics(new CollectionStatistics(documents, total, df));
    return matches;
  }
}
