package dev.azimuth.index.jvector;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.graph.VectorGraph;
import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.search.Neighbors;
import dev.azimuth.index.search.TopK;
import io.github.jbellis.jvector.util.Bits;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;

/**
 * What both graph kinds share: argument checks, the cases that need no walk, and the
 * conversion of the caller's filter. Subclasses walk the graph and rerank. Thread-safe when
 * the subclass is.
 */
abstract class JVectorGraph implements VectorGraph {
  /**
   * Passed as JVector's similarity threshold: below zero its search keeps every candidate
   * (its default of 0 would drop negative PQ dot-product scores) and never stops early.
   */
  static final float NO_THRESHOLD = Float.NEGATIVE_INFINITY;

  private final GraphOptions options;
  private final int dimension;
  private final int size;
  private final AtomicBoolean closed = new AtomicBoolean();

  JVectorGraph(GraphOptions options, int dimension, int size) {
    this.options = options;
    this.dimension = dimension;
    this.size = size;
  }

  @Override
  public final GraphOptions options() {
    return options;
  }

  @Override
  public final int size() {
    return size;
  }

  final int dimension() {
    return dimension;
  }

  @Override
  public final Neighbors search(float[] query, int k, int efSearch, IntPredicate accept) {
    if (closed.get()) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "the graph index is closed");
    }
    if (query.length != dimension) {
      throw new AzimuthException(ErrorCode.DATA_EXCEPTION,
          "different vector dimensions " + query.length + " and " + dimension
              + ": the query vector must have the dimension of the indexed vectors");
    }
    if (k < 0) {
      throw new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE,
          "the number of neighbours must not be negative, got " + k);
    }
    if (efSearch < 1) {
      throw new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE,
          "ef_search must be at least 1, got " + efSearch);
    }
    if (k == 0 || size == 0) {
      return Neighbors.EMPTY;
    }
    if (options.metric() == Metric.COSINE
        && Kernels.get().squaredNorm(query, 0, dimension) == 0f) {
      return firstAccepted(k, accept);
    }
    return walk(query, k, Math.max(k, efSearch), accept);
  }

  /**
   * Every cosine distance to a zero query is NaN, so, as in an exact scan, the k smallest
   * accepted ordinals win on the id tie-break; no walk could rank them.
   */
  private Neighbors firstAccepted(int k, IntPredicate accept) {
    TopK top = new TopK(k);
    for (int i = 0; i < size && !top.isFull(); i++) {
      int ordinal = ordinalAt(i);
      if (accept == null || accept.test(ordinal)) {
        top.offer(Float.NaN, ordinal);
      }
    }
    return top.neighbors();
  }

  @Override
  public final void close() {
    // Releasing twice could unmap a file twice, which throws; only the first close releases.
    if (closed.compareAndSet(false, true)) {
      release();
    }
  }

  /** Releases what the graph holds; called once, by the first {@link #close()}. */
  abstract void release();

  /** JVector's filter over graph node ids, given how node ids map to ordinals. */
  static Bits acceptedNodes(IntPredicate accept, int[] nodeToOrdinal) {
    if (accept == null) {
      return Bits.ALL;
    }
    return nodeToOrdinal == null ? accept::test : node -> accept.test(nodeToOrdinal[node]);
  }

  /**
   * Walks the graph with a beam of {@code beam} candidates and returns the best {@code k} by
   * exact {@link Metric} distance.
   */
  abstract Neighbors walk(float[] query, int k, int beam, IntPredicate accept);

  /** The {@code i}-th smallest ordinal in the graph, {@code 0 <= i < size()}. */
  abstract int ordinalAt(int i);
}
