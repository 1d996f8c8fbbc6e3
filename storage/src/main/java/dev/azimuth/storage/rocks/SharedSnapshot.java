package dev.azimuth.storage.rocks;

import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;

/**
 * A RocksDB snapshot that several read views share (every table of one statement or
 * transaction), released when the last of them lets go, or when the store closes. Thread-safe.
 */
final class SharedSnapshot {
  private final RocksStore store;
  private final Snapshot snapshot;
  private final ReadOptions readOptions;
  private int references = 1;

  SharedSnapshot(RocksStore store, Snapshot snapshot) {
    this.store = store;
    this.snapshot = snapshot;
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
    store.register(this);
  }

  /** Options that read as of the snapshot; valid while a reference is held. */
  ReadOptions readOptions() {
    return readOptions;
  }

  /** Takes one more reference. */
  synchronized SharedSnapshot retain() {
    if (references == 0) {
      throw new IllegalStateException("snapshot already released");
    }
    references++;
    return this;
  }

  /** Drops one reference; the last one frees the native snapshot. */
  synchronized void release() {
    if (references > 0 && --references == 0) {
      free();
    }
  }

  /** Frees the native snapshot whatever the references: the store is closing. */
  synchronized void releaseAll() {
    if (references > 0) {
      references = 0;
      free();
    }
  }

  private void free() {
    readOptions.close();
    store.release(snapshot);
    store.unregister(this);
  }
}
