package dev.azimuth.storage.rocks;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ready segment index shared by the read views searching it. An index may be retired (its
 * index or segment dropped, or replaced) while a view still searches it; it is closed,
 * releasing its file mappings, only when the last view lets go.
 */
final class IndexHandle {
  private final SegmentIndex index;
  /** One reference held by the index service until retired, plus one per lease. */
  private final AtomicInteger references = new AtomicInteger(1);
  /** Run once the index is closed, e.g. to delete the file of a replaced segment's index. */
  private volatile Runnable afterClose = () -> {};

  IndexHandle(SegmentIndex index) {
    this.index = index;
  }

  SegmentIndex index() {
    return index;
  }

  /** Takes a lease; false if the index is already closed. */
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
      index.close();
      afterClose.run();
    }
  }

  /** Drops the index service's own reference. */
  void retire() {
    release();
  }

  /** Drops the index service's own reference and runs {@code then} once the index is closed. */
  void retire(Runnable then) {
    afterClose = then;
    release();
  }
}
