package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.StorageOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.EnvOptions;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.Options;
import org.rocksdb.SstFileWriter;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.RocksMemEnv;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The open RocksDB instance and its column families; the only owner of RocksDB handles.
 * Every {@link RocksDBException} that crosses its boundary is wrapped with what was being done.
 * Thread-safe (RocksDB is).
 */
final class RocksStore implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private static final long MAX_TOTAL_WAL_BYTES = 256L << 20;

  private final String location;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final RocksDB db;
  private final ColumnFamilyHandle defaultFamily;
  private final ColumnFamilyHandle catalog;
  private final ColumnFamilyHandle rows;
  private final ColumnFamilyHandle segments;
  private final ColumnFamilyHandle deletes;
  private final WriteOptions writeOptions;
  private final boolean inMemory;
  private final Set<RocksReadView> openViews = ConcurrentHashMap.newKeySet();
  private final Set<SharedSnapshot> openSnapshots = ConcurrentHashMap.newKeySet();
  private final SnapshotGate gate = new SnapshotGate();

  private RocksStore(String location, RocksDB db, List<ColumnFamilyHandle> handles,
      List<AutoCloseable> owned, boolean sync, boolean inMemory) {
    this.location = location;
    this.inMemory = inMemory;
    this.db = db;
    this.resources.addAll(owned);
    this.defaultFamily = handles.get(0);
    this.catalog = handles.get(1);
    this.rows = handles.get(2);
    this.segments = handles.get(3);
    this.deletes = handles.get(4);
    this.writeOptions = new WriteOptions().setSync(sync);
  }

  static RocksStore open(Path dir, StorageOptions options) {
    List<AutoCloseable> owned = new ArrayList<>();
    String path;
    // A write-ahead log file is deleted only once every column family with data in it has been
    // flushed; the catalog and deletes families take few writes, so without a cap their old
    // memtables pin every log since (seen: 1.5 GB of logs after a 1M-row load), and each open
    // replays them all. The cap makes RocksDB flush those families instead.
    DBOptions dbOptions = new DBOptions().setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true).setMaxBackgroundJobs(2).setKeepLogFileNum(5)
        .setMaxTotalWalSize(MAX_TOTAL_WAL_BYTES).setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
    owned.add(dbOptions);
    if (options.inMemory()) {
      Env env = new RocksMemEnv(Env.getDefault());
      owned.add(env);
      dbOptions.setEnv(env);
      path = "/azimuth-mem";
    } else {
      path = dir.toAbsolutePath().toString();
    }
    ColumnFamilyOptions keyed = new ColumnFamilyOptions()
        .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10)))
        .setCompressionType(CompressionType.LZ4_COMPRESSION);
    // Float vectors do not compress; spending CPU on it would only slow loads.
    // Bulk loads fill memtables faster than one flush drains them; two more in reserve keep
    // writers from stalling ("Stopping writes because we have 2 immutable memtables").
    ColumnFamilyOptions raw = new ColumnFamilyOptions()
        .setCompressionType(CompressionType.NO_COMPRESSION).setMaxWriteBufferNumber(4);
    owned.add(keyed);
    owned.add(raw);
    List<ColumnFamilyDescriptor> families = List.of(
        new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, keyed),
        new ColumnFamilyDescriptor(bytes(Layout.CF_CATALOG), keyed),
        new ColumnFamilyDescriptor(bytes(Layout.CF_ROWS), keyed),
        new ColumnFamilyDescriptor(bytes(Layout.CF_SEGMENTS), raw),
        new ColumnFamilyDescriptor(bytes(Layout.CF_DELETES), keyed));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(dbOptions, path, families, handles);
      RocksStore store = new RocksStore(path, db, handles, owned, options.syncWrites(),
          options.inMemory());
      store.checkFormat();
      return store;
    } catch (RocksDBException e) {
      for (AutoCloseable r : owned) {
        closeQuietly(r);
      }
      throw openFailure(path, e);
    }
  }

  private static StorageException openFailure(String path, RocksDBException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("lock") || message.contains("LOCK")) {
      return new StorageException(ErrorCode.OBJECT_IN_USE, "database " + path
          + " is in use by another process (its LOCK file is held); close that process or "
          + "connect to it through its server", e);
    }
    return new StorageException(ErrorCode.IO_ERROR,
        "could not open database " + path + ": " + message, e);
  }

  private void checkFormat() throws RocksDBException {
    byte[] format = db.get(defaultFamily, Layout.FORMAT_KEY);
    String current = Integer.toString(Layout.FORMAT_VERSION);
    if (format == null) {
      db.put(defaultFamily, writeOptions, Layout.FORMAT_KEY, bytes(current));
      return;
    }
    String found = new String(format, java.nio.charset.StandardCharsets.US_ASCII);
    int version;
    try {
      version = Integer.parseInt(found);
    } catch (NumberFormatException e) {
      version = -1;
    }
    if (version < Layout.OLDEST_READABLE_FORMAT || version > Layout.FORMAT_VERSION) {
      throw new StorageException(ErrorCode.IO_ERROR, "database " + location
          + " has storage format " + found + "; this build reads formats "
          + Layout.OLDEST_READABLE_FORMAT + " to " + Layout.FORMAT_VERSION);
    }
    if (version < Layout.FORMAT_VERSION) {
      try (WriteOptions synced = new WriteOptions().setSync(true)) {
        db.put(defaultFamily, synced, Layout.FORMAT_KEY, bytes(current));
      }
    }
  }

  ColumnFamilyHandle catalog() {
    return catalog;
  }

  ColumnFamilyHandle rows() {
    return rows;
  }

  ColumnFamilyHandle segments() {
    return segments;
  }

  ColumnFamilyHandle deletes() {
    return deletes;
  }

  byte[] get(ColumnFamilyHandle family, byte[] key) {
    try {
      return db.get(family, key);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "read failed in " + location, e);
    }
  }

  byte[] get(ColumnFamilyHandle family, ReadOptions options, byte[] key) {
    try {
      return db.get(family, options, key);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "read failed in " + location, e);
    }
  }

  RocksIterator iterator(ColumnFamilyHandle family) {
    return db.newIterator(family);
  }

  RocksIterator iterator(ColumnFamilyHandle family, ReadOptions options) {
    return db.newIterator(family, options);
  }

  /** Receives sorted entries for a file to ingest. */
  interface SortedSink {
    void put(byte[] key, byte[] value) throws RocksDBException;
  }

  /** Fills a sorted sink; may throw what the sink throws. */
  interface SortedWriter {
    void write(SortedSink sink) throws RocksDBException;
  }

  /** Whether {@link #ingest} works here (not for in-memory databases). */
  boolean canIngest() {
    return !inMemory;
  }

  /**
   * Writes entries, in key order, to a table file and ingests it into a family, bypassing the
   * write-ahead log and the memtables. The file is synced; when this returns, the entries are
   * durable and visible. For keys no other writer touches (a segment id no list names yet).
   */
  void ingest(ColumnFamilyHandle family, SortedWriter writer, String what) {
    Path file = Path.of(location, "bulk-" + java.util.UUID.randomUUID() + ".sst");
    try (Options options = new Options().setCompressionType(CompressionType.NO_COMPRESSION);
         EnvOptions env = new EnvOptions();
         SstFileWriter sst = new SstFileWriter(env, options)) {
      sst.open(file.toString());
      writer.write(sst::put);
      sst.finish();
      try (IngestExternalFileOptions ingest = new IngestExternalFileOptions()
          .setMoveFiles(true)) {
        db.ingestExternalFile(family, List.of(file.toString()), ingest);
      }
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR,
          "could not write " + what + " in " + location + ": " + e.getMessage(), e);
    } finally {
      try {
        java.nio.file.Files.deleteIfExists(file);
      } catch (java.io.IOException e) {
        // A stray bulk-*.sst file in the database folder; RocksDB ignores it.
      }
    }
  }

  /** Writes a batch atomically, through the write-ahead log (synced if the options say so). */
  void write(WriteBatch batch) throws RocksDBException {
    db.write(writeOptions, batch);
  }

  /** Writes a batch and fsyncs the log whatever the options: for catalog changes. */
  void writeSynced(WriteBatch batch) throws RocksDBException {
    try (WriteOptions synced = new WriteOptions().setSync(true)) {
      db.write(synced, batch);
    }
  }

  /** A new snapshot of the whole store, with one reference held by the caller. */
  SharedSnapshot snapshot() {
    return new SharedSnapshot(this, db.getSnapshot());
  }

  /** The gate that orders publishing writes against snapshot captures. */
  SnapshotGate gate() {
    return gate;
  }

  void release(Snapshot snapshot) {
    db.releaseSnapshot(snapshot);
  }

  void register(RocksReadView view) {
    openViews.add(view);
  }

  void unregister(RocksReadView view) {
    openViews.remove(view);
  }

  void register(SharedSnapshot snapshot) {
    openSnapshots.add(snapshot);
  }

  void unregister(SharedSnapshot snapshot) {
    openSnapshots.remove(snapshot);
  }

  // Native snapshots and iterators must be freed before the database they belong to.
  @Override public void close() {
    for (RocksReadView view : List.copyOf(openViews)) {
      view.close();
    }
    for (SharedSnapshot snapshot : List.copyOf(openSnapshots)) {
      snapshot.releaseAll();
    }
    try {
      db.syncWal();
    } catch (RocksDBException e) {
      // Closing anyway: the WAL was written on every statement; this sync only narrows the
      // window for a machine crash right after close.
    }
    for (ColumnFamilyHandle h : List.of(defaultFamily, catalog, rows, segments, deletes)) {
      h.close();
    }
    db.close();
    writeOptions.close();
    for (AutoCloseable r : resources) {
      closeQuietly(r);
    }
  }

  private static void closeQuietly(AutoCloseable r) {
    try {
      r.close();
    } catch (Exception ignored) {
      // Native handles: nothing useful to do if freeing one fails during shutdown.
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
