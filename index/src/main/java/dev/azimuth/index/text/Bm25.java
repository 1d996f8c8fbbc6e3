package dev.azimuth.index.text;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * BM25 over a whole table, made of {@link TextSegment}s: collection statistics over live rows
 * only, scores and top-k search.
 *
 * <p>{@code score(d) = Σ_t occ(t) · IDF(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · dl / avgdl))}
 * with {@code k1 = 1.2}, {@code b = 0.75}, {@code IDF(t) = ln(1 + (N − df + 0.5) / (df + 0.5))}
 * (Lucene's, never negative), {@code N} the live documents (rows with non-null text),
 * {@code df} the live documents containing {@code t}, {@code avgdl} their mean length in terms,
 * and {@code occ(t)} how often {@code t} occurs in the query. Stateless and thread-safe.
 */
public final class Bm25 {
  /** Term frequency saturation. */
  public static final double K1 = 1.2;
  /** Length normalization. */
  public static final double B = 0.75;

  private Bm25() {}

  /** Lucene's BM25 IDF for a term in {@code df} of {@code documents} documents. */
  public static double idf(long documents, long df) {
    return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
  }

  /** The statistics of all {@code segments} together, for {@code query}. */
  public static CollectionStatistics statistics(TextQuery query, List<TextSegment> segments) {
    requireNonNull(query, "query");
    CollectionStatistics sum = CollectionStatistics.empty(query.termCount());
    for (TextSegment segment : segments) {
      sum = sum.plus(segment.statistics(query));
    }
    return sum;
  }

  /** Scores for {@code query} against {@code statistics} (see {@link Bm25Scorer}). */
  public static Bm25Scorer scorer(TextQuery query, CollectionStatistics statistics) {
    return new Bm25Scorer(query, statistics);
  }

  /** Gives the accept filter of one segment; null (or a null filter) accepts all. */
  @FunctionalInterface
  public interface SegmentFilter {
    /** The filter of segment {@code segment}, null to accept all its ordinals. */
    IntPredicate forSegment(int segment);
  }

  /**
   * The {@code k} best-scoring live documents that contain a query term, best first; ties go
   * to the lower segment id, then the lower ordinal. Statistics count every live document,
   * accepted or not, so a filter does not change scores.
   *
   * @param segments the table's segments, each once
   * @param k how many hits at most
   * @param accept which ordinals may be returned, per segment; null accepts all
   * @throws AzimuthException with {@link ErrorCode#INVALID_PARAMETER_VALUE} when {@code k < 0}
   */
  public static List<TextHit> search(TextQuery query, List<TextSegment> segments, int k,
      SegmentFilter accept) {
    requireNonNull(query, "query");
    requireNonNull(segments, "segments");
    if (k < 0) {
      throw new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE,
          "the number of results must not be negative, got " + k);
    }
    if (k == 0 || query.isEmpty()) {
      return List.of();
    }
    List<SegmentMatches> perSegment = new ArrayList<>(segments.size());
    CollectionStatistics statistics = CollectionStatistics.empty(query.termCount());
    for (TextSegment segment : segments) {
      IntPredicate filter = accept == null ? null : accept.forSegment(segment.id());
      SegmentMatches matches = SegmentMatcher.match(segment, query, filter);
      statistics = statistics.plus(matches.statistics());
      perSegment.add(matches);
    }
    Bm25Scorer scorer = scorer(query, statistics);
    // The worst kept hit on top, so that a better one replaces it.
    PriorityQueue<TextHit> best = new PriorityQueue<>(Math.min(k, 1024) + 1,
        TextHit.BEST_FIRST.reversed());
    int[] scratch = new int[query.termCount()];
    for (SegmentMatches matches : perSegment) {
      for (int i = 0; i < matches.size(); i++) {
        double score = matches.score(i, scorer, scratch);
        // Segments arrive in any order, so a tie with the worst kept hit still needs a look.
        if (best.size() == k && score < best.peek().score()) {
          continue;
        }
        TextHit hit = new TextHit(matches.segment(), matches.ordinal(i), score);
        if (best.size() < k) {
          best.add(hit);
        } else if (TextHit.BEST_FIRST.compare(hit, best.peek()) < 0) {
          best.poll();
          best.add(hit);
        }
      }
    }
    List<TextHit> hits = new ArrayList<>(best);
    hits.sort(TextHit.BEST_FIRST);
    return hits;
  }
}
