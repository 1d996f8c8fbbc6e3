package dev.azimuth.index.jvector;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * Lends per-search scratch objects (JVector's searchers are not thread-safe) to concurrent
 * searches. It grows to the largest number of searches that ran at once and no further.
 *
 * <p>A pool rather than a {@code ThreadLocal}: thread-locals would pin a searcher (and, for
 * DiskANN, an open file reader) in every thread that ever searched, long after the graph is
 * closed. Thread-safe.
 */
final class SearcherPool<T extends Closeable> implements Closeable {
  private final Supplier<T> factory;
  private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  SearcherPool(Supplier<T> factory) {
    this.factory = factory;
  }

  /** An idle searcher, or a new one; hand it back with {@link #release}. */
  T borrow() {
    if (closed) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR, "the graph index is closed");
    }
    T searcher = idle.pollFirst();
    return searcher != null ? searcher : factory.get();
  }

  /** Takes a searcher back; after {@link #close()} it is closed instead. */
  void release(T searcher) {
    idle.addFirst(searcher);
    if (closed) {
      drain();
    }
  }

  @Override
  public void close() {
    closed = true;
    drain();
  }

  private void drain() {
    for (T searcher; (searcher = idle.pollFirst()) != null; ) {
      try {
        searcher.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not close a graph searcher", e);
      }
    }
  }
}
