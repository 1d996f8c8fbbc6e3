package dev.azimuth.index.graph;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import dev.azimuth.index.search.Neighbors;
import java.util.function.IntPredicate;

/**
 * An open graph index over one segment's vectors; its node ids are the caller's ordinals.
 *
 * <p>Thread-safe: any number of threads may search one graph at once (each search borrows its
 * own scratch state). {@link #close()} must not race with searches still running; a search
 * that starts after it throws. An {@link GraphKind#HNSW} graph reads the caller's vector array
 * on every search, so that array must stay unchanged while the graph is open.
 */
public interface VectorGraph extends AutoCloseable {
  /** The options the graph was built with. */
  GraphOptions options();

  /** The number of ordinals in the graph (those the build's {@code include} test accepted). */
  int size();

  /**
   * Up to {@code k} accepted ordinals nearest to {@code query}, best first: ascending distance,
   * ties by ascending ordinal, NaN last, as {@code ExactSearch} orders them.
   *
   * <p>Distances are {@link Metric} distances ({@code L2} not squared, {@code COSINE} as
   * {@code 1 − cos}, {@code NEGATIVE_DOT} as {@code −a·b}) recomputed from the full vectors, so
   * they equal what {@code Metric.distance} returns for the same pair. The graph walk keeps the
   * {@code max(k, efSearch)} best candidates it meets; larger {@code efSearch} buys recall with
   * time.
   *
   * <p>The result can hold fewer than {@code k} ordinals even when more are accepted: a walk
   * stops at the candidates it can reach, and under a very selective {@code accept} it may also
   * visit most of the graph first. Callers that need exactly {@code k} should fall back to an
   * exact scan when the result is short; one whose filter passes few ordinals should scan
   * those directly instead.
   *
   * @param query the query vector, of the graph's dimension
   * @param k how many neighbours to return at most; 0 returns none
   * @param efSearch the search beam width, at least 1
   * @param accept which ordinals may be returned (never called for ordinals outside the
   *     graph); null accepts all. It runs on the searching thread.
   * @throws AzimuthException with {@link ErrorCode#DATA_EXCEPTION} when the query has the wrong
   *     dimension, {@link ErrorCode#INVALID_PARAMETER_VALUE} when {@code k < 0} or
   *     {@code efSearch < 1}, and {@link ErrorCode#INTERNAL_ERROR} when the graph is closed
   */
  Neighbors search(float[] query, int k, int efSearch, IntPredicate accept);

  /**
   * What scoring one node during a walk costs, relative to one exact distance on the full
   * vector: about 1 when the walk scores full vectors, less when it scores codes. Callers
   * weigh a filtered walk against an exact scan of the passing rows with it.
   */
  default double walkScoreCost() {
    return 1.0;
  }

  /**
   * The heap and off-heap memory this graph keeps while open, in bytes: edges, codes, maps and
   * norms. It does not count the caller's vector array, per-thread search scratch, or pages
   * of a mapped file (the operating system's page cache).
   */
  long residentBytes();

  /** Releases the graph's memory and files; idempotent. */
  @Override
  void close();
}
