package dev.azimuth.storage.rocks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Merges and compacts the sealed segments of every table in the background, as
 * {@link MergePolicy} decides, one {@link SegmentMerge} at a time on its own thread.
 *
 * <p>Thread-safe. {@link #check} is cheap and may be called on every write: requests for one
 * table coalesce until its next look. Readers never wait for a merge; writers of the table wait
 * only for its final switch.
 */
final class SegmentCompactor implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SegmentCompactor.class.getName());

  private final RocksStore store;
  private final IndexService indexes;
  private final MergePolicy policy;
  private final ExecutorService worker;
  private final Set<RocksTable> requested = ConcurrentHashMap.newKeySet();
  private final Object idle = new Object();
  private int outstanding;
  private volatile boolean closed;

  SegmentCompactor(RocksStore store, IndexService indexes, MergePolicy policy) {
    this.store = store;
    this.indexes = indexes;
    this.policy = policy;
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "azimuth-compaction");
      t.setDaemon(true);
      return t;
    });
  }

  /** Asks for a look at a table's sealed segments soon. */
  void check(RocksTable table) {
    if (closed || !requested.add(table)) {
      return;
    }
    synchronized (idle) {
      outstanding++;
    }
    try {
      worker.execute(() -> {
        try {
          requested.remove(table);
          compact(table);
        } finally {
          finished();
        }
      });
    } catch (RejectedExecutionException e) {
      requested.remove(table);
      finished();
    }
  }

  private void finished() {
    synchronized (idle) {
      outstanding--;
      idle.notifyAll();
    }
  }

  /** Merges until the policy finds nothing more to do, the table goes, or we close. */
  private void compact(RocksTable table) {
    while (!closed) {
      List<MergePolicy.Merge> merges = policy.select(stats(table));
      if (merges.isEmpty()) {
        return;
      }
      List<Integer> segments = merges.get(0).segments();
      try {
        if (!new SegmentMerge(store, indexes, table, segments, () -> closed).run()) {
          return;
        }
      } catch (CancellationException e) {
        return;
      } catch (IOException | RuntimeException e) {
        // The sources stay as they are; the next write or open tries again.
        LOG.log(Level.WARNING, "merging segments " + segments + " of table "
            + table.definition().name() + " failed", e);
        return;
      }
    }
  }

  private static List<MergePolicy.SegmentStats> stats(RocksTable table) {
    List<MergePolicy.SegmentStats> out = new ArrayList<>();
    for (SegmentMirror m : table.sealedSegments()) {
      SegmentMirror.Snapshot s = m.published();
      out.add(new MergePolicy.SegmentStats(s.id(), s.size(), s.liveCount()));
    }
    return out;
  }

  /** Waits until no merge is running or asked for. */
  void awaitIdle() throws InterruptedException {
    synchronized (idle) {
      while (outstanding > 0) {
        idle.wait();
      }
    }
  }

  /** Whether no merge is running or asked for. */
  boolean isIdle() {
    synchronized (idle) {
      return outstanding == 0;
    }
  }

  @Override public void close() {
    closed = true;
    worker.shutdownNow();
    try {
      // A running merge polls for cancellation; let it stop before the store goes away.
      worker.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (idle) {
      outstanding = 0;
      idle.notifyAll();
    }
  }
}
