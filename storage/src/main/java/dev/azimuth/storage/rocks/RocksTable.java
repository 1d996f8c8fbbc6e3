package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.DatabaseSnapshot;
import dev.azimuth.storage.DuplicateKeyException;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.RowValidator;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * A table stored in RocksDB: rows by key, vectors in its growing segment (mirrored in memory by
 * {@link SegmentMirror}), deletions as markers. One statement is one {@link WriteBatch}.
 */
final class RocksTable implements TableStore {
  /** Told when a segment is sealed, so that its indexes get built. */
  interface SealListener {
    void sealed(RocksTable table, SegmentMirror segment);
  }

  /** Told after a statement deleted rows of sealed segments, which may now need compacting. */
  interface DeleteListener {
    void deletedFromSealed(RocksTable table);
  }

  /** A merge's part of the write that replaces sealed segments by their merged segment. */
  interface Replacement {
    /** Adds the merged segment's rows to the batch, given its sources as they are now. */
    void fill(WriteBatch batch, List<SegmentMirror.Snapshot> sources) throws RocksDBException;

    /** Adds what else must change atomically, writes the batch, then runs {@code swap}. */
    void commit(WriteBatch batch, Runnable swap) throws RocksDBException;
  }

  private final RocksStore store;
  /** Replaced by ALTER TABLE, under the write lock and the gate. */
  private volatile TableDef def;
  private final ColumnType keyType;
  /** The next row id of a table without a declared key (a hidden key): see {@link #rowIds}. */
  private final java.util.concurrent.atomic.AtomicLong nextRowId =
      new java.util.concurrent.atomic.AtomicLong(1);
  private final int sealRows;
  private final SealListener sealListener;
  private final DeleteListener deleteListener;
  private final IndexLookup indexes;
  private final ReentrantLock writeLock = new ReentrantLock();
  /** Keys written by recent commits, for conflict checks; guarded by the write lock. */
  private final RecentWrites recentWrites = new RecentWrites();
  /** The UNIQUE constraints' values of live rows; guarded by the write lock. */
  private UniqueIndex unique;
  /** Sealed segments, oldest first; replaced, never changed in place. */
  private volatile List<SegmentMirror> sealed = List.of();
  private volatile SegmentMirror growing;
  private int nextSegmentId;
  private boolean dropped;

  RocksTable(RocksStore store, TableDef def, int sealRows, SealListener sealListener,
      DeleteListener deleteListener, IndexLookup indexes) {
    this.store = store;
    this.def = def;
    this.keyType = def.keyColumn().type();
    this.sealRows = sealRows;
    this.sealListener = sealListener;
    this.deleteListener = deleteListener;
    this.indexes = indexes;
    SegmentList list = SegmentList.initial();
    this.unique = new UniqueIndex(def);
    this.growing = new SegmentMirror(list.growing(), def);
    this.nextSegmentId = list.next();
  }

  @Override public TableDef definition() {
    return def;
  }

  @Override public int segmentRows() {
    return sealRows;
  }

  @Override public long rowCount() {
    long live = growing.published().liveCount();
    for (SegmentMirror s : sealed) {
      live += s.published().liveCount();
    }
    return live;
  }

  /** The sealed segments now, oldest first. */
  List<SegmentMirror> sealedSegments() {
    return sealed;
  }

  /** Whether a segment of this id is sealed in the table now. */
  boolean hasSealed(int id) {
    for (SegmentMirror s : sealed) {
      if (s.id() == id) {
        return true;
      }
    }
    return false;
  }

  /** The segment taking new rows now. */
  SegmentMirror growingSegment() {
    writeLock.lock();
    try {
      return growing;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * The published snapshot of every segment, sealed ones first, for a database snapshot: call
   * it only while the gate keeps writes from publishing.
   */
  List<SegmentMirror.Snapshot> publishedSegments() {
    List<SegmentMirror> sealedNow = sealed;
    List<SegmentMirror.Snapshot> out = new ArrayList<>(sealedNow.size() + 1);
    for (SegmentMirror s : sealedNow) {
      out.add(s.published());
    }
    out.add(growing.published());
    return out;
  }

  /**
   * A view over segment snapshots taken earlier with the definition of that moment, reading
   * RocksDB through {@code snapshot}.
   */
  RocksReadView view(TableDef as, List<SegmentMirror.Snapshot> segments,
      SharedSnapshot snapshot) {
    return new RocksReadView(store, as, segments, snapshot, indexes);
  }

  @Override public ReadView openRead() {
    // Under the write lock so that the RocksDB snapshot and the segment snapshots agree.
    writeLock.lock();
    try {
      List<SegmentMirror.Snapshot> snapshots = new ArrayList<>(sealed.size() + 1);
      for (SegmentMirror s : sealed) {
        snapshots.add(s.published());
      }
      snapshots.add(growing.published());
      return new RocksReadView(store, def, snapshots, store.snapshot(), indexes);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Seals the growing segment now if it holds any row, and starts a new one.
   *
   * @return the segment sealed, or null if the growing one was empty
   */
  SegmentMirror seal() {
    writeLock.lock();
    try {
      return sealLocked();
    } finally {
      writeLock.unlock();
    }
  }

  private SegmentMirror sealLocked() {
    if (growing.size() == 0) {
      return null;
    }
    List<Integer> sealedIds = new ArrayList<>();
    for (SegmentMirror s : sealed) {
      sealedIds.add(s.id());
    }
    sealedIds.add(growing.id());
    SegmentList list = new SegmentList(nextSegmentId, sealedIds, nextSegmentId + 1);
    SegmentMirror done = growing;
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(store.catalog(), Layout.segmentListKey(def.id()), CatalogCodec.encodeAny(list));
      store.gate().publish(() -> {
        store.write(batch);
        done.seal();
        List<SegmentMirror> next = new ArrayList<>(sealed);
        next.add(done);
        sealed = List.copyOf(next);
        growing = new SegmentMirror(list.growing(), def);
      });
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR,
          "could not seal a segment of table " + def.name() + ": " + e.getMessage(), e);
    }
    nextSegmentId = list.next();
    sealListener.sealed(this, done);
    return done;
  }

  /**
   * Takes a segment id for a merge's new segment. Until the merge commits, the id is in no
   * segment list, so whatever a crash leaves under it is removed at the next open.
   */
  int reserveSegmentId() {
    writeLock.lock();
    try {
      return nextSegmentId++;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Gives the table a new definition, its segments laid out anew ({@link SegmentMirror}'s
   * reshaping constructor: kept columns share their arrays, added ones get {@code fill}), in one
   * synced write with {@code catalog} (the new definition and index entries), as one step for
   * readers. Views opened before keep the old layout; transactions whose snapshot predates the
   * change fail when they next read or commit this table (40001).
   */
  void alter(TableDef newDef, int[] from, Object[] fill, WriteBatch catalog, Runnable check) {
    writeLock.lock();
    try {
      if (dropped) {
        throw new StorageException(ErrorCode.UNDEFINED_TABLE,
            "table " + def.name() + " was dropped");
      }
      check.run();
      List<SegmentMirror> nextSealed = new ArrayList<>();
      for (SegmentMirror s : sealed) {
        nextSealed.add(new SegmentMirror(s, newDef, from, fill));
      }
      SegmentMirror nextGrowing = new SegmentMirror(growing, newDef, from, fill);
      UniqueIndex nextUnique = new UniqueIndex(newDef);
      List<SegmentMirror.Snapshot> all = new ArrayList<>();
      for (SegmentMirror m : nextSealed) {
        all.add(m.published());
      }
      all.add(nextGrowing.published());
      nextUnique.rebuild(all);
      store.gate().publish(() -> {
        store.writeSynced(catalog);
        def = newDef;
        sealed = List.copyOf(nextSealed);
        growing = nextGrowing;
      });
      unique = nextUnique;
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR,
          "could not alter table " + def.name() + ": " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Stops merges from committing: the table is being dropped. Waits for one committing now. */
  void markDropped() {
    writeLock.lock();
    try {
      dropped = true;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Replaces sealed segments by one merged segment (or by none, if {@code merged} is null) in
   * one write, under the write lock: writers wait for it, readers do not, and views opened
   * before keep the sources. The batch holds the merge's rows ({@link Replacement#fill}), the
   * removal of the sources' entries and the new segment list.
   *
   * @return false if the table was dropped or a source is no longer sealed in it; then nothing
   *     was written
   */
  boolean replaceSealed(List<Integer> sources, SegmentMirror merged, Replacement replacement,
      TableDef mergedAs) {
    writeLock.lock();
    try {
      if (mergedAs != def) {
        // ALTER TABLE changed the columns since the merge copied the rows.
        return false;
      }
      List<SegmentMirror.Snapshot> current = new ArrayList<>();
      for (int id : sources) {
        if (!hasSealed(id)) {
          return false;
        }
        current.add(segment(id).published());
      }
      if (dropped) {
        return false;
      }
      List<SegmentMirror> next = new ArrayList<>();
      for (SegmentMirror s : sealed) {
        if (!sources.contains(s.id())) {
          next.add(s);
        } else if (merged != null && !next.contains(merged)) {
          next.add(merged);
        }
      }
      SegmentList list = new SegmentList(growing.id(),
          next.stream().map(SegmentMirror::id).toList(), nextSegmentId);
      try (WriteBatch batch = new WriteBatch()) {
        replacement.fill(batch, current);
        for (int id : sources) {
          batch.deleteRange(store.segments(), Layout.segmentKey(def.id(), id, 0, 0),
              Layout.segmentKey(def.id(), id + 1, 0, 0));
          batch.deleteRange(store.deletes(), Layout.deleteKey(def.id(), id, 0),
              Layout.deleteKey(def.id(), id + 1, 0));
        }
        batch.put(store.catalog(), Layout.segmentListKey(def.id()),
            CatalogCodec.encodeAny(list));
        store.gate().publish(() -> replacement.commit(batch, () -> sealed = List.copyOf(next)));
      }
      return true;
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR,
          "could not merge segments of table " + def.name() + ": " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  private SegmentMirror segment(int id) {
    if (id == growing.id()) {
      return growing;
    }
    for (SegmentMirror s : sealed) {
      if (s.id() == id) {
        return s;
      }
    }
    throw new StorageException(ErrorCode.INTERNAL_ERROR,
        "table " + def.name() + " has no segment " + id);
  }

  @Override public long apply(List<RowChange> changes) {
    return apply(changes, null);
  }

  /**
   * The changes with a row id in each new row of a table without a declared key whose id is
   * NULL (an INSERT leaves it so); ids given are kept, and later ones are made above them.
   */
  List<RowChange> rowIds(List<RowChange> changes) {
    TableDef current = def;
    if (!current.hasHiddenKey()) {
      return changes;
    }
    int key = current.primaryKey();
    List<RowChange> out = new ArrayList<>(changes.size());
    for (RowChange c : changes) {
      Object[] row = switch (c) {
        case RowChange.Insert i -> i.row();
        case RowChange.Upsert u -> u.row();
        default -> null;
      };
      if (row == null || key >= row.length) {
        out.add(c);
      } else if (row[key] == null) {
        Object[] filled = row.clone();
        filled[key] = nextRowId.getAndIncrement();
        out.add(c instanceof RowChange.Upsert ? new RowChange.Upsert(filled)
            : new RowChange.Insert(filled));
      } else {
        nextRowId.accumulateAndGet(((Long) row[key]) + 1, Math::max);
        out.add(c);
      }
    }
    return out;
  }

  /** Rows of a bulk load with their row ids assigned, as {@link #rowIds} does for changes. */
  private List<Object[]> rowIdsOf(List<Object[]> rows) {
    TableDef current = def;
    if (!current.hasHiddenKey()) {
      return rows;
    }
    int key = current.primaryKey();
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      if (row[key] == null) {
        Object[] filled = row.clone();
        filled[key] = nextRowId.getAndIncrement();
        out.add(filled);
      } else {
        nextRowId.accumulateAndGet(((Long) row[key]) + 1, Math::max);
        out.add(row);
      }
    }
    return out;
  }

  @Override public long apply(List<RowChange> changes, DatabaseSnapshot readAt) {
    changes = rowIds(changes);
    TableDef validatedAgainst = def;
    for (RowChange c : changes) {
      Object[] row = switch (c) {
        case RowChange.Insert i -> i.row();
        case RowChange.Upsert u -> u.row();
        case RowChange.Update u -> u.row();
        case RowChange.Delete d -> null;
      };
      if (row != null && row.length != validatedAgainst.columns().size()) {
        throw altered();
      }
    }
    List<Object[]> validated = validate(changes, validatedAgainst);
    long readSequence = -1;
    if (readAt != null) {
      if (!(readAt instanceof RocksSnapshot snapshot)) {
        throw new IllegalArgumentException("a snapshot of another database");
      }
      readSequence = snapshot.sequence();
    }
    return Commit.run(store, readSequence,
        Map.of(this, new Commit.Changes(changes, validated, validatedAgainst))).get(this);
  }

  /** SERIALIZATION_FAILURE: the table changed (ALTER TABLE) since the rows were made. */
  StorageException altered() {
    return new StorageException(ErrorCode.SERIALIZATION_FAILURE, "could not serialize access: "
        + "table " + def.name() + " was altered after this statement or transaction read it; "
        + "nothing was written, run it again");
  }

  /** The rows of the changes checked against the table's rules (null for deletions). */
  List<Object[]> validate(List<RowChange> changes, TableDef against) {
    List<Object[]> validated = new ArrayList<>(changes.size());
    for (RowChange change : changes) {
      validated.add(switch (change) {
        case RowChange.Insert i -> RowValidator.validate(against, i.row());
        case RowChange.Upsert u -> RowValidator.validate(against, u.row());
        case RowChange.Update u -> RowValidator.validate(against, u.row());
        case RowChange.Delete d -> null;
      });
    }
    return validated;
  }

  void lock() {
    writeLock.lock();
  }

  void unlock() {
    writeLock.unlock();
  }

  /**
   * Throws SERIALIZATION_FAILURE if a commit after {@code readSequence} wrote one of these keys,
   * or the table was dropped. Under the write lock.
   */
  void checkConflicts(Iterable<Object> keys, long readSequence) {
    if (dropped) {
      throw new StorageException(ErrorCode.SERIALIZATION_FAILURE, "could not serialize "
          + "access: table " + def.name() + " was dropped after this transaction began");
    }
    for (Object key : keys) {
      if (recentWrites.writtenAfter(key, readSequence)) {
        throw new StorageException(ErrorCode.SERIALIZATION_FAILURE, "could not serialize "
            + "access due to a concurrent update: the row with " + def.keyColumn().name()
            + " = " + render(key) + " of table " + def.name() + " was changed by another "
            + "transaction that committed after this one began; nothing was written, run the "
            + "transaction again");
      }
    }
  }

  /** What a statement's changes did to the table's in-memory state before they are published. */
  static final class PreparedWrite {
    private final Set<SegmentMirror> touched = new HashSet<>();
    private final List<Object> keys = new ArrayList<>();
    private long affected;
    private UniqueIndex.Changes unique;

    long affected() {
      return affected;
    }

    /** Forgets the write's unpublished rows and deletions (a no-op once it is published). */
    void rollback() {
      for (SegmentMirror s : touched) {
        s.rollback();
      }
    }
  }

  /**
   * Resolves keys (removals first, so that the key checks see the statement's end state), adds
   * the rows to the growing segment unpublished and their entries to {@code batch}. Under the
   * write lock. If it throws, nothing needs undoing; after it returns, the caller must either
   * {@link #publish} or {@link #rollback} the result.
   *
   * @param rows the validated row of each change (null for deletions)
   */
  PreparedWrite prepare(WriteBatch batch, List<RowChange> changes, List<Object[]> rows,
      TableDef validatedAgainst) {
    if (dropped) {
      throw new StorageException(ErrorCode.UNDEFINED_TABLE,
          "table " + def.name() + " was dropped");
    }
    if (validatedAgainst != def) {
      throw altered();
    }
    PreparedWrite write = new PreparedWrite();
    write.touched.add(growing);
    UniqueIndex.Changes u = unique.isEmpty() ? null : unique.changes();
    write.unique = u;
    // Rows this statement adds, by key, for the unique checks of a later removal of them.
    Map<Object, Object[]> added = u == null ? null : new HashMap<>();
    // Key -> row bytes as this statement leaves it; a null value means "deleted here".
    Map<Object, byte[]> pending = new HashMap<>();
    boolean[] skipped = new boolean[changes.size()];
    try {
      for (int i = 0; i < changes.size(); i++) {
        Object oldKey = switch (changes.get(i)) {
          case RowChange.Delete d -> d.key();
          case RowChange.Update u2 -> u2.oldKey();
          default -> null;
        };
        if (oldKey == null) {
          continue;
        }
        byte[] existing = current(pending, oldKey);
        if (existing == null) {
          skipped[i] = true;
          continue;
        }
        remove(batch, pending, oldKey, existing, write.touched, u, added);
        write.keys.add(oldKey);
        if (changes.get(i) instanceof RowChange.Delete) {
          write.affected++;
        }
      }
      for (int i = 0; i < changes.size(); i++) {
        RowChange change = changes.get(i);
        if (change instanceof RowChange.Delete || skipped[i]) {
          continue;
        }
        Object[] row = rows.get(i);
        if (change instanceof RowChange.Upsert && def.hasHiddenKey() && u != null) {
          // A primary key of several columns: the row with those values is the one replaced.
          Object holder = unique.primaryRow(row);
          if (holder != null) {
            row[def.primaryKey()] = holder;
          }
        }
        Object key = row[def.primaryKey()];
        byte[] existing = current(pending, key);
        if (existing != null) {
          if (!(change instanceof RowChange.Upsert)) {
            throw duplicate(key, i);
          }
          remove(batch, pending, key, existing, write.touched, u, added);
        }
        if (u != null) {
          u.add(key, row, i);
          added.put(key, row);
        }
        pending.put(key, append(batch, row, KeyCodec.encode(keyType, key)));
        write.keys.add(key);
        write.affected++;
      }
      return write;
    } catch (RuntimeException | RocksDBException e) {
      write.rollback();
      if (e instanceof RocksDBException r) {
        throw new StorageException(ErrorCode.IO_ERROR,
            "could not write to table " + def.name() + ": " + r.getMessage(), r);
      }
      throw (RuntimeException) e;
    }
  }

  /** Makes a prepared write visible to new readers: inside the gate, after its batch. */
  void publish(PreparedWrite write) {
    for (SegmentMirror s : write.touched) {
      s.publish();
    }
    if (write.unique != null) {
      write.unique.apply();
    }
  }

  /**
   * After a published write, under the write lock: remembers its keys while a snapshot that
   * could conflict with them is open, and seals or compacts as the new state asks.
   *
   * @param sequence the commit's sequence
   */
  void committed(PreparedWrite write, long sequence) {
    long oldest = store.gate().oldestWriter();
    recentWrites.prune(oldest);
    if (oldest < sequence) {
      recentWrites.record(write.keys, sequence);
    }
    boolean sealedTouched = false;
    for (SegmentMirror s : write.touched) {
      sealedTouched |= s.sealed();
    }
    if (sealedTouched) {
      deleteListener.deletedFromSealed(this);
    }
    if (growing.size() >= sealRows) {
      sealLocked();
    }
  }

  /** Adds a new row at the growing segment's next ordinal to a batch; returns its row bytes. */
  private byte[] append(WriteBatch batch, Object[] row, byte[] encodedKey)
      throws RocksDBException {
    int ordinal = growing.append(row[def.primaryKey()], row);
    byte[] value = RowCodec.encode(def, row, growing.id(), ordinal);
    batch.put(store.rows(), Layout.rowKey(def.id(), encodedKey), value);
    batch.put(store.segments(),
        Layout.segmentKey(def.id(), growing.id(), ordinal, Layout.KEY_PART), encodedKey);
    for (int c = 0; c < row.length; c++) {
      ColumnDef column = def.columns().get(c);
      if (column.type() == ColumnType.VECTOR && row[c] != null) {
        batch.put(store.segments(),
            Layout.segmentKey(def.id(), growing.id(), ordinal, column.id()),
            floatsToBytes((float[]) row[c]));
      }
    }
    return value;
  }

  // One ordered pass over the batch's keys instead of a lookup per row (BulkLoad.firstExisting):
  // the per-row lookups cost about as much as the write itself. Whole segments' worth of
  // rows go through BulkLoad (files ingested, no write-ahead log for their vectors); the rest
  // joins the growing segment. One batch then commits all of it.
  @Override public long insertBatch(List<Object[]> given) {
    List<Object[]> rows = rowIdsOf(given);
    TableDef loadedAs = def;
    for (Object[] row : rows) {
      if (row.length != loadedAs.columns().size()) {
        throw altered();
      }
    }
    byte[][] keys = new byte[rows.size()][];
    Map<Object, Integer> seen = new HashMap<>(rows.size() * 2);
    for (int i = 0; i < keys.length; i++) {
      Object key = rows.get(i)[def.primaryKey()];
      Integer earlier = seen.putIfAbsent(key, i);
      if (earlier != null) {
        throw new DuplicateKeyException("duplicate key value: " + def.keyColumn().name() + " = "
            + render(key) + " appears twice in the rows inserted into table " + def.name(), i);
      }
      keys[i] = KeyCodec.encode(keyType, key);
    }
    int segments = rows.size() / sealRows;
    List<SegmentMirror> loaded = segments == 0 ? List.of()
        : BulkLoad.write(this, store, rows, segments, sealRows);
    boolean committed = false;
    writeLock.lock();
    try {
      if (dropped) {
        throw new StorageException(ErrorCode.UNDEFINED_TABLE,
            "table " + def.name() + " was dropped during the load");
      }
      if (loadedAs != def) {
        throw altered();
      }
      int taken = BulkLoad.firstExisting(store, def, keys);
      if (taken >= 0) {
        throw duplicate(rows.get(taken)[def.primaryKey()], taken);
      }
      UniqueIndex.Changes u = unique.isEmpty() ? null : unique.changes();
      if (u != null) {
        for (int i = 0; i < rows.size(); i++) {
          u.add(rows.get(i)[def.primaryKey()], rows.get(i), i);
        }
      }
      List<SegmentMirror> nextSealed = new ArrayList<>(sealed);
      nextSealed.addAll(loaded);
      try (WriteBatch batch = new WriteBatch()) {
        BulkLoad.addRows(batch, store, def, loaded, rows, keys);
        if (!store.canIngest()) {
          BulkLoad.addEntries(batch, store, def, loaded);
        }
        for (int i = segments * sealRows; i < keys.length; i++) {
          append(batch, rows.get(i), keys[i]);
        }
        if (!loaded.isEmpty()) {
          batch.put(store.catalog(), Layout.segmentListKey(def.id()), CatalogCodec.encodeAny(
              new SegmentList(growing.id(), nextSealed.stream().map(SegmentMirror::id).toList(),
                  nextSegmentId)));
        }
        long sequence = store.gate().publish(() -> {
          store.write(batch);
          growing.publish();
          sealed = List.copyOf(nextSealed);
          if (u != null) {
            u.apply();
          }
        });
        committed = true;
        long oldest = store.gate().oldestWriter();
        recentWrites.prune(oldest);
        if (oldest < sequence) {
          List<Object> written = new ArrayList<>(rows.size());
          for (Object[] row : rows) {
            written.add(row[def.primaryKey()]);
          }
          recentWrites.record(written, sequence);
        }
      } catch (RuntimeException | RocksDBException e) {
        growing.rollback();
        throw e instanceof RocksDBException r ? BulkLoad.failure(def, r) : (RuntimeException) e;
      }
      for (SegmentMirror s : loaded) {
        sealListener.sealed(this, s);
      }
      if (growing.size() >= sealRows) {
        sealLocked();
      }
      return keys.length;
    } finally {
      writeLock.unlock();
      if (!committed) {
        BulkLoad.discard(store, def, loaded);
      }
    }
  }

  private DuplicateKeyException duplicate(Object key, int row) {
    return new DuplicateKeyException("duplicate key value: " + def.keyColumn().name() + " = "
        + render(key) + " already exists in table " + def.name(), row);
  }

  /** The row bytes under a key as the statement sees it so far, or null. */
  private byte[] current(Map<Object, byte[]> pending, Object key) {
    if (pending.containsKey(key)) {
      return pending.get(key);
    }
    return store.get(store.rows(), Layout.rowKey(def.id(), KeyCodec.encode(keyType, key)));
  }

  private void remove(WriteBatch batch, Map<Object, byte[]> pending, Object key, byte[] value,
      Set<SegmentMirror> touched, UniqueIndex.Changes unique, Map<Object, Object[]> added)
      throws RocksDBException {
    RowCodec.Location loc = RowCodec.location(value);
    if (unique != null) {
      Object[] fresh = added.remove(key);
      if (fresh != null) {
        unique.removeAdded(key, fresh);
      } else {
        unique.remove(key, segment(loc.segment()).published(), loc.ordinal());
      }
    }
    batch.delete(store.rows(), Layout.rowKey(def.id(), KeyCodec.encode(keyType, key)));
    batch.put(store.deletes(), Layout.deleteKey(def.id(), loc.segment(), loc.ordinal()),
        new byte[0]);
    SegmentMirror segment = segment(loc.segment());
    segment.delete(loc.ordinal());
    touched.add(segment);
    pending.put(key, null);
  }

  /**
   * Rebuilds the in-memory segments from what is on disk; called once, at open. Segment entries
   * of segments the catalog does not list are leftovers of an interrupted operation: removed.
   */
  void recover() {
    byte[] listBytes = store.get(store.catalog(), Layout.segmentListKey(def.id()));
    SegmentList list = listBytes == null ? SegmentList.initial()
        : CatalogCodec.decode(listBytes, SegmentList.class);
    Map<Integer, SegmentMirror> mirrors = new HashMap<>();
    for (int id : list.sealed()) {
      mirrors.put(id, new SegmentMirror(id, def));
    }
    growing = new SegmentMirror(list.growing(), def);
    mirrors.put(growing.id(), growing);
    nextSegmentId = list.next();

    byte[] prefix = Layout.tablePrefix(def.id());
    Map<Integer, Integer> columnById = new HashMap<>();
    List<Integer> vectorColumns = new ArrayList<>();
    for (int c = 0; c < def.columns().size(); c++) {
      columnById.put(def.columns().get(c).id(), c);
      if (def.columns().get(c).type() == ColumnType.VECTOR) {
        vectorColumns.add(c);
      }
    }
    Map<Integer, Map<Integer, BitSet>> present = new HashMap<>();
    Set<Integer> leftovers = new HashSet<>();
    try (RocksIterator it = store.iterator(store.segments())) {
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        ByteBuffer k = ByteBuffer.wrap(it.key());
        k.getLong();
        int segment = k.getInt();
        int ordinal = k.getInt();
        int part = k.getShort();
        SegmentMirror mirror = mirrors.get(segment);
        if (mirror == null) {
          leftovers.add(segment);
          continue;
        }
        if (part == Layout.KEY_PART) {
          byte[] v = it.value();
          mirror.restore(ordinal, KeyCodec.decode(keyType, v, 0, v.length), -1, null);
        } else {
          Integer column = columnById.get(part);
          if (column == null) {
            continue;  // a dropped column's vector: never read again
          }
          mirror.restore(ordinal, null, column, bytesToFloats(it.value()));
          present.computeIfAbsent(segment, s -> new HashMap<>())
              .computeIfAbsent(column, c -> new BitSet()).set(ordinal);
        }
      }
    }
    for (SegmentMirror mirror : mirrors.values()) {
      for (int c : vectorColumns) {
        BitSet seen = present.getOrDefault(mirror.id(), Map.of()).getOrDefault(c, new BitSet());
        for (int o = seen.nextClearBit(0); o < mirror.size(); o = seen.nextClearBit(o + 1)) {
          mirror.restoreNull(c, o);
        }
      }
    }
    // Live rows only: a deleted row's scalars are never read again.
    boolean[] vectorNull = new boolean[def.columns().size()];
    RowCodec.Layout layout = new RowCodec.Layout(def);
    try (RocksIterator it = store.iterator(store.rows())) {
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        byte[] value = it.value();
        RowCodec.Location loc = RowCodec.location(value);
        SegmentMirror mirror = mirrors.get(loc.segment());
        if (mirror != null) {
          mirror.restoreScalars(loc.ordinal(), RowCodec.decode(layout, value, vectorNull));
        }
      }
    }
    try (RocksIterator it = store.iterator(store.deletes())) {
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        ByteBuffer k = ByteBuffer.wrap(it.key());
        k.getLong();
        SegmentMirror mirror = mirrors.get(k.getInt());
        if (mirror != null) {
          mirror.delete(k.getInt());
        }
      }
    }
    List<SegmentMirror> sealedNow = new ArrayList<>();
    for (int id : list.sealed()) {
      SegmentMirror mirror = mirrors.get(id);
      mirror.seal();
      sealedNow.add(mirror);
    }
    sealed = List.copyOf(sealedNow);
    growing.publish();
    removeLeftovers(leftovers);
    unique = new UniqueIndex(def);
    unique.rebuild(publishedSegments());
    if (def.hasHiddenKey()) {
      try (RocksIterator it = store.iterator(store.rows())) {
        it.seekForPrev(Layout.tableEnd(def.id()));
        if (it.isValid() && Layout.hasPrefix(it.key(), prefix)) {
          byte[] k = it.key();
          long last = (Long) KeyCodec.decode(keyType, k, prefix.length, k.length - prefix.length);
          nextRowId.set(last + 1);
        }
      }
    }
  }

  private void removeLeftovers(Set<Integer> segments) {
    if (segments.isEmpty()) {
      return;
    }
    try (WriteBatch batch = new WriteBatch()) {
      for (int segment : segments) {
        byte[] from = Layout.segmentKey(def.id(), segment, 0, 0);
        byte[] to = Layout.segmentKey(def.id(), segment + 1, 0, 0);
        batch.deleteRange(store.segments(), from, to);
        batch.deleteRange(store.deletes(), Layout.deleteKey(def.id(), segment, 0),
            Layout.deleteKey(def.id(), segment + 1, 0));
      }
      store.write(batch);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not clean up table " + def.name(), e);
    }
  }

  static byte[] floatsToBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] bytesToFloats(byte[] bytes) {
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  private static String render(Object key) {
    return key instanceof String s ? "'" + s + "'" : String.valueOf(key);
  }
}
