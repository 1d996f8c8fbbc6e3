package dev.azimuth.storage.rocks;

import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongFunction;
import org.rocksdb.RocksDBException;

/**
 * Orders what readers see against what writers publish, for the whole database.
 *
 * <p>A write becomes visible in two steps: its RocksDB batch, then the in-memory segment state
 * (new ordinals, deletion bits, segment lists). A snapshot of the database must take both as of
 * the same moment, across every table, so publishing writes share the gate and a snapshot
 * capture holds it alone: it waits for the writes in flight, and writes that come later wait
 * for it (the lock is fair, so neither side starves). Captures take microseconds; writers of
 * different tables still run together.
 *
 * <p>It also numbers commits and remembers the snapshots that may still write (transactions,
 * and statements that write what they read), so that a commit can tell whether a row it writes
 * was written by another commit after its snapshot, and whether anyone could still care about
 * its own write set. Thread-safe.
 */
final class SnapshotGate {
  /** A write whose RocksDB batch and in-memory publication happen together. */
  interface Publication {
    void run() throws RocksDBException;
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final AtomicLong sequence = new AtomicLong();
  /** Snapshot sequence -> number of open writing snapshots taken at it. */
  private final TreeMap<Long, Integer> writers = new TreeMap<>();

  /**
   * Runs a write and its publication as one step for readers, and numbers it.
   *
   * @return the write's commit sequence: snapshots taken from now on see it
   */
  long publish(Publication publication) throws RocksDBException {
    lock.readLock().lock();
    try {
      publication.run();
      return sequence.incrementAndGet();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Captures a snapshot while no write is being published.
   *
   * @param forWrite whether the snapshot's holder may commit writes computed from it; it is
   *     then remembered until {@link #forget} is called with its sequence
   * @param capture  takes the snapshot, given its sequence (the last commit it sees)
   */
  <T> T capture(boolean forWrite, LongFunction<T> capture) {
    lock.writeLock().lock();
    try {
      long at = sequence.get();
      if (forWrite) {
        synchronized (writers) {
          writers.merge(at, 1, Integer::sum);
        }
      }
      return capture.apply(at);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Forgets a writing snapshot taken at {@code at}: its holder has finished. */
  void forget(long at) {
    synchronized (writers) {
      writers.computeIfPresent(at, (k, n) -> n == 1 ? null : n - 1);
    }
  }

  /**
   * The sequence of the oldest open writing snapshot, or {@link Long#MAX_VALUE} if there is
   * none: a commit numbered at or below it can never conflict with anyone still open.
   */
  long oldestWriter() {
    synchronized (writers) {
      return writers.isEmpty() ? Long.MAX_VALUE : writers.firstKey();
    }
  }
}
