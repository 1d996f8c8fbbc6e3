package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.DatabaseSnapshot;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table of a database as of one commit sequence: one RocksDB snapshot and each table's
 * published segments, captured together under the {@link SnapshotGate}. Views are made on first
 * use, one per table. Reference-counted, so that a transaction and the statements reading
 * through it can each let go when they are done; the last release frees it. Thread-safe.
 */
final class RocksSnapshot implements DatabaseSnapshot {
  private final RocksStore store;
  private final long sequence;
  private final boolean forWrite;
  private final SharedSnapshot rocks;
  private final Map<RocksTable, List<SegmentMirror.Snapshot>> segments;
  private final Map<RocksTable, TableDef> definitions;
  private final Map<RocksTable, RocksReadView> views = new HashMap<>();
  private int references = 1;

  private RocksSnapshot(RocksStore store, long sequence, boolean forWrite, SharedSnapshot rocks,
      Map<RocksTable, List<SegmentMirror.Snapshot>> segments,
      Map<RocksTable, TableDef> definitions) {
    this.store = store;
    this.sequence = sequence;
    this.forWrite = forWrite;
    this.rocks = rocks;
    this.segments = segments;
    this.definitions = definitions;
  }

  /**
   * Captures the tables as of now.
   *
   * @param forWrite whether commits will be checked against it (it is then remembered by the
   *     gate until it is released)
   */
  static RocksSnapshot capture(RocksStore store, List<RocksTable> tables, boolean forWrite) {
    return store.gate().capture(forWrite, sequence -> {
      Map<RocksTable, List<SegmentMirror.Snapshot>> segments = new HashMap<>();
      Map<RocksTable, TableDef> definitions = new HashMap<>();
      for (RocksTable t : tables) {
        segments.put(t, t.publishedSegments());
        definitions.put(t, t.definition());
      }
      return new RocksSnapshot(store, sequence, forWrite, store.snapshot(), segments,
          definitions);
    });
  }

  /** The last commit this snapshot sees. */
  long sequence() {
    return sequence;
  }

  @Override public synchronized ReadView view(TableStore table) {
    return rocksView(table);
  }

  synchronized RocksReadView rocksView(TableStore table) {
    if (references == 0) {
      throw new StorageException(ErrorCode.INTERNAL_ERROR, "the snapshot is closed");
    }
    if (!(table instanceof RocksTable t)) {
      throw new StorageException(ErrorCode.UNDEFINED_TABLE, "a table of another database");
    }
    TableDef as = definitions.getOrDefault(t, t.definition());
    if (as != t.definition()) {
      // The statement was planned against the table as it is now, not as the snapshot has it.
      throw t.altered();
    }
    RocksReadView view = views.get(t);
    if (view == null) {
      // A table created after the snapshot has no rows in it.
      view = t.view(as, segments.getOrDefault(t, List.of()), rocks.retain());
      views.put(t, view);
    }
    return view;
  }

  /** Takes one more reference. */
  synchronized RocksSnapshot retain() {
    if (references == 0) {
      throw new StorageException(ErrorCode.INTERNAL_ERROR, "the snapshot is closed");
    }
    references++;
    return this;
  }

  /** Drops a reference (the one its creator holds, or one taken by {@link #retain}). */
  @Override public void close() {
    List<RocksReadView> closing;
    synchronized (this) {
      if (references == 0 || --references > 0) {
        return;
      }
      closing = List.copyOf(views.values());
      views.clear();
    }
    for (RocksReadView v : closing) {
      v.close();
    }
    rocks.release();
    if (forWrite) {
      store.gate().forget(sequence);
    }
  }
}
