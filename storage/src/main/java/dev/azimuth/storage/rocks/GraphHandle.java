package dev.azimuth.storage.rocks;

import dev.azimuth.index.graph.VectorGraph;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ready graph shared by the read views searching it. A graph may be retired (its index or
 * segment dropped, or replaced) while a view still searches it; it is closed, releasing its file
 * mappings, only when the last view lets go.
 */
final class GraphHandle {
  private final VectorGraph graph;
  /** One reference held by the index service until retired, plus one per lease. */
  private final AtomicInteger references = new AtomicInteger(1);
  /** Run once the graph is closed, e.g. to delete the file of a replaced segment's graph. */
  private volatile Runnable afterClose = () -> {};

  GraphHandle(VectorGraph graph) {
    this.graph = graph;
  }

  VectorGraph graph() {
    return graph;
  }

  /** Takes a lease; false if the graph is already closed. */
  boolean acquire() {
    while (true) {
      int n = references.get();
      if (n == 0) {
        return false;
      }
      if (references.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void release() {
    if (references.decrementAndGet() == 0) {
      graph.close();
      afterClose.run();
    }
  }

  /** Drops the index service's own reference. */
  void retire() {
    release();
  }

  /** Drops the index service's own reference and runs {@code then} once the graph is closed. */
  void retire(Runnable then) {
    afterClose = then;
    release();
  }
}
