package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.graph.BuildControl;
import dev.azimuth.index.graph.CorruptGraphException;
import dev.azimuth.index.text.CorruptTextIndexException;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.IndexState;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.TableDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Builds, persists, loads and serves the per-segment indexes of every index over every sealed
 * segment: graphs of vector indexes, inverted indexes of FULLTEXT indexes and sorted ordinals of
 * BTREE indexes alike (what
 * differs between them is in {@link SegmentIndexFiles}).
 *
 * <p>Builds run one at a time on a background thread, graph builds using all cores through a
 * shared {@link ForkJoinPool}, so writers and readers never wait for them. An index is written
 * to its own file (temp file, fsync, rename), and only then does the catalog record it, with the
 * file's checksum, as ready: a crash mid-build leaves no record, the segment is searched
 * exactly, and the build starts again at the next open. At open, a file whose checksum no
 * longer matches is deleted and rebuilt, never trusted.
 */
final class IndexService implements IndexLookup, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(IndexService.class.getName());

  private record Key(long index, int segment) {}

  private final RocksStore store;
  private final Path directory;
  private final ForkJoinPool pool;
  private final ExecutorService builder;
  private final Map<Long, IndexDef> indexes = new ConcurrentHashMap<>();
  private final Map<Key, IndexHandle> ready = new ConcurrentHashMap<>();
  private final Map<Key, IndexState> progress = new ConcurrentHashMap<>();
  private final Map<Key, CompletableFuture<Void>> builds = new ConcurrentHashMap<>();
  private volatile boolean closed;

  IndexService(RocksStore store, Path directory) {
    this.store = store;
    this.directory = directory;
    this.pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    this.builder = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "azimuth-index-build");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * At open, before any build: deletes what an interrupted build, merge or drop left behind.
   * Catalog states of an index or segment that no longer exists go, and so does every file in
   * the index directory that no remaining state names (temporary files of a build, indexes of
   * a merge that never committed, indexes of segments a merge replaced).
   */
  void removeLeftovers(List<IndexDef> defs, Map<Long, RocksTable> tablesById) {
    Map<Long, IndexDef> byId = new HashMap<>();
    for (IndexDef d : defs) {
      byId.put(d.id(), d);
    }
    Set<String> kept = new HashSet<>();
    byte[] prefix = {Layout.INDEX_STATE_ENTRY};
    try (WriteBatch stale = new WriteBatch(); RocksIterator it = store.iterator(store.catalog())) {
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        ByteBuffer k = ByteBuffer.wrap(it.key(), 1, 12);
        IndexDef def = byId.get(k.getLong());
        int segment = k.getInt();
        RocksTable table = def == null ? null : tablesById.get(def.tableId());
        if (table != null && table.hasSealed(segment)) {
          kept.add(CatalogCodec.decode(it.value(), IndexFileState.class).file());
        } else {
          stale.delete(store.catalog(), it.key());
        }
      }
      if (stale.count() > 0) {
        store.writeSynced(stale);
      }
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not clean up index states", e);
    }
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (var files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!kept.contains(f.getFileName().toString()) && Files.isRegularFile(f)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not clean up " + directory, e);
    }
  }

  // ---- catalog of indexes

  void register(IndexDef def) {
    indexes.put(def.id(), def);
  }

  List<IndexDef> indexesOf(long tableId) {
    List<IndexDef> out = new ArrayList<>();
    for (IndexDef d : indexes.values()) {
      if (d.tableId() == tableId) {
        out.add(d);
      }
    }
    out.sort((a, b) -> Long.compare(a.id(), b.id()));
    return out;
  }

  /**
   * At open: loads each segment's index whose file is intact and schedules a build for every
   * other sealed segment.
   */
  void open(IndexDef def, RocksTable table) {
    register(def);
    for (SegmentMirror segment : table.sealedSegments()) {
      Key key = new Key(def.id(), segment.id());
      byte[] entry = store.get(store.catalog(), Layout.indexStateKey(def.id(), segment.id()));
      if (entry != null) {
        IndexFileState state = CatalogCodec.decode(entry, IndexFileState.class);
        Path file = directory.resolve(state.file());
        try {
          ready.put(key, new IndexHandle(SegmentIndexFiles.open(def, table.definition(),
              segment.published(), file, state.checksum())));
          continue;
        } catch (CorruptGraphException | CorruptTextIndexException
            | dev.azimuth.index.sorted.CorruptSortedIndexException | IOException e) {
          LOG.log(Level.WARNING, "index " + def.name() + " on segment " + segment.id()
              + " of table " + table.definition().name() + ": " + e.getMessage()
              + "; rebuilding it");
          forget(def.id(), segment.id(), file);
        }
      }
      schedule(def, table, segment);
    }
  }

  /** Schedules builds of every index of the table over a newly sealed segment. */
  void sealed(RocksTable table, SegmentMirror segment) {
    for (IndexDef def : indexesOf(table.definition().id())) {
      schedule(def, table, segment);
    }
  }

  /** Builds (unless ready or already scheduled) the index of one segment. */
  CompletableFuture<Void> schedule(IndexDef def, RocksTable table, SegmentMirror segment) {
    Key key = new Key(def.id(), segment.id());
    if (ready.containsKey(key)) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> created = new CompletableFuture<>();
    CompletableFuture<Void> scheduled = builds.computeIfAbsent(key, k -> {
      int total = segment.published().liveCount();
      progress.put(k, new IndexState(def, segment.id(), IndexState.Phase.PENDING, 0, total,
          null));
      return created;
    });
    if (scheduled == created) {
      // Started only once the future is in the map: a build that ends at once must not remove
      // its entry from inside computeIfAbsent (ConcurrentHashMap forbids that).
      try {
        CompletableFuture.runAsync(() -> build(def, table, segment), builder)
            .whenComplete((v, e) -> {
              builds.remove(key, created);
              if (e == null) {
                created.complete(null);
              } else {
                created.completeExceptionally(e);
              }
            });
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        builds.remove(key, created);
        progress.remove(key);
        created.completeExceptionally(closing);
      }
    }
    return scheduled;
  }

  private void build(IndexDef def, RocksTable table, SegmentMirror segment) {
    Key key = new Key(def.id(), segment.id());
    if (cancelled(def) || !table.hasSealed(segment.id())) {
      progress.remove(key);
      return;
    }
    SegmentMirror.Snapshot s = segment.published();
    long total = s.liveCount();
    progress.put(key, new IndexState(def, segment.id(), IndexState.Phase.BUILDING, 0, total,
        null));
    BuildControl control = new BuildControl() {
      @Override public void progress(long done, long all) {
        progress.put(key, new IndexState(def, segment.id(), IndexState.Phase.BUILDING, done,
            all, null));
      }

      @Override public boolean cancelled() {
        // A merge may replace the segment meanwhile: its index would be of no use.
        return IndexService.this.cancelled(def) || !table.hasSealed(segment.id());
      }
    };
    try {
      PreparedIndex prepared = buildFile(def, table.definition(), s, control);
      synchronized (this) {
        if (control.cancelled()) {
          prepared.discard();
          progress.remove(key);
          return;
        }
        try (WriteBatch batch = new WriteBatch()) {
          batch.put(store.catalog(), Layout.indexStateKey(def.id(), segment.id()),
              CatalogCodec.encodeAny(prepared.state()));
          store.writeSynced(batch);
        }
        ready.put(key, new IndexHandle(prepared.built().index()));
        progress.remove(key);
      }
    } catch (CancellationException e) {
      progress.remove(key);
    } catch (IOException | RocksDBException | RuntimeException e) {
      LOG.log(Level.WARNING, "building index " + def.name() + " on segment " + segment.id()
          + " failed", e);
      progress.put(key, new IndexState(def, segment.id(), IndexState.Phase.FAILED, 0, total,
          String.valueOf(e.getMessage())));
      throw new StorageException(ErrorCode.IO_ERROR, "building index " + def.name()
          + " failed: " + e.getMessage(), e);
    }
  }

  /** A segment index built and durable in its file, not yet recorded in the catalog. */
  record PreparedIndex(IndexDef index, int segment, Path file, SegmentIndexFiles.Built built) {
    IndexFileState state() {
      return new IndexFileState(file.getFileName().toString(), built.checksum(),
          built.bytes(), built.index().size());
    }

    /** Closes the index and deletes its file: it will never be recorded. */
    void discard() {
      built.index().close();
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "could not delete " + file + "; it goes at the next open", e);
      }
    }
  }

  private PreparedIndex buildFile(IndexDef def, TableDef table, SegmentMirror.Snapshot s,
      BuildControl control) throws IOException {
    Path file = directory.resolve(SegmentIndexFiles.fileName(def, s.id()));
    Files.createDirectories(directory);
    return new PreparedIndex(def, s.id(), file,
        SegmentIndexFiles.build(def, table, s, file, control, pool));
  }

  /**
   * Builds the index of every index of a table over a merged segment that is not in the table
   * yet, so that it is searched through its indexes from the moment it replaces its sources.
   *
   * @throws CancellationException if {@code cancelled} turned true; nothing is left behind
   */
  List<PreparedIndex> prepare(TableDef table, SegmentMirror.Snapshot merged,
      BooleanSupplier cancelled) throws IOException {
    List<PreparedIndex> out = new ArrayList<>();
    try {
      for (IndexDef def : indexesOf(table.id())) {
        BuildControl control = new BuildControl() {
          @Override public void progress(long done, long all) {}

          @Override public boolean cancelled() {
            return cancelled.getAsBoolean() || IndexService.this.cancelled(def);
          }
        };
        try {
          out.add(buildFile(def, table, merged, control));
        } catch (CancellationException e) {
          if (cancelled.getAsBoolean()) {
            throw e;
          }
          // The index was dropped meanwhile: the merge goes on without it.
        }
      }
      return out;
    } catch (IOException | RuntimeException e) {
      out.forEach(PreparedIndex::discard);
      throw e;
    }
  }

  /** Writes a batch and switches a table's segments in memory; run under its write lock. */
  interface Commit {
    void run(WriteBatch batch) throws RocksDBException;
  }

  /**
   * Moves the indexes of merged segments to their replacement: adds to {@code batch} the states
   * of the prepared indexes and the removal of the sources' states, then runs {@code commit}
   * while no build can record an index of a source segment. Afterwards the new indexes serve
   * reads and the old ones are closed, and their files deleted, once no reader holds them.
   * If {@code commit} throws, nothing changed.
   */
  synchronized void replace(long tableId, List<Integer> sources, List<PreparedIndex> built,
      WriteBatch batch, Commit commit) throws RocksDBException {
    List<PreparedIndex> recorded = new ArrayList<>();
    for (PreparedIndex g : built) {
      if (!cancelled(g.index())) {
        batch.put(store.catalog(), Layout.indexStateKey(g.index().id(), g.segment()),
            CatalogCodec.encodeAny(g.state()));
        recorded.add(g);
      }
    }
    List<IndexDef> defs = indexesOf(tableId);
    for (IndexDef def : defs) {
      for (int segment : sources) {
        batch.delete(store.catalog(), Layout.indexStateKey(def.id(), segment));
      }
    }
    commit.run(batch);
    for (PreparedIndex g : built) {
      if (recorded.contains(g)) {
        ready.put(new Key(g.index().id(), g.segment()), new IndexHandle(g.built().index()));
      } else {
        g.discard();
      }
    }
    for (IndexDef def : defs) {
      for (int segment : sources) {
        Key key = new Key(def.id(), segment);
        progress.remove(key);
        Path file = directory.resolve(SegmentIndexFiles.fileName(def, segment));
        IndexHandle handle = ready.remove(key);
        if (handle != null) {
          handle.retire(() -> deleteQuietly(file));
        } else {
          deleteQuietly(file);
        }
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete " + file + "; it goes at the next open", e);
    }
  }

  private boolean cancelled(IndexDef def) {
    return closed || !indexes.containsKey(def.id());
  }

  /** Waits for every build scheduled so far to end, in success or not. */
  void awaitBuilds() {
    for (CompletableFuture<Void> build : List.copyOf(builds.values())) {
      try {
        build.join();
      } catch (CompletionException | CancellationException e) {
        // Its failure shows in states(); waiting is all that is asked here.
      }
    }
  }

  /** Forgets an index: cancels its builds, retires its segments' indexes and states. */
  synchronized void drop(IndexDef def, WriteBatch batch) throws RocksDBException {
    indexes.remove(def.id());
    batch.deleteRange(store.catalog(), Layout.indexStatePrefix(def.id()),
        Layout.indexStatePrefix(def.id() + 1));
    for (Key key : List.copyOf(ready.keySet())) {
      if (key.index() == def.id()) {
        ready.remove(key).retire();
      }
    }
    progress.keySet().removeIf(k -> k.index() == def.id());
  }

  /** Deletes an index's files once its catalog entries are gone. */
  void deleteFiles(IndexDef def) {
    String prefix = "index-" + def.id() + "-";
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (var files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().startsWith(prefix)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete the files of index " + def.name(), e);
    }
  }

  private void forget(long index, int segment, Path file) {
    try (WriteBatch batch = new WriteBatch()) {
      batch.delete(store.catalog(), Layout.indexStateKey(index, segment));
      store.writeSynced(batch);
      Files.deleteIfExists(file);
    } catch (RocksDBException | IOException e) {
      LOG.log(Level.WARNING, "could not forget a damaged index file " + file, e);
    }
  }

  /** Every index's state on every sealed segment of its table. */
  List<IndexState> states(Map<Long, RocksTable> tablesById) {
    List<IndexState> out = new ArrayList<>();
    List<IndexDef> defs = new ArrayList<>(indexes.values());
    defs.sort((a, b) -> Long.compare(a.id(), b.id()));
    for (IndexDef def : defs) {
      RocksTable table = tablesById.get(def.tableId());
      if (table == null) {
        continue;
      }
      for (SegmentMirror segment : table.sealedSegments()) {
        Key key = new Key(def.id(), segment.id());
        IndexHandle handle = ready.get(key);
        IndexState state = progress.get(key);
        if (handle != null) {
          int n = handle.index().size();
          out.add(new IndexState(def, segment.id(), IndexState.Phase.READY, n, n, null,
              handle.index().residentBytes()));
        } else if (state != null) {
          out.add(state);
        } else {
          out.add(new IndexState(def, segment.id(), IndexState.Phase.PENDING, 0,
              segment.published().liveCount(), null));
        }
      }
    }
    return out;
  }

  @Override public IndexHandle acquire(long indexId, int segment) {
    IndexHandle handle = ready.get(new Key(indexId, segment));
    return handle != null && handle.acquire() ? handle : null;
  }

  /** Lists the catalog's index entries: for open. */
  static List<IndexDef> load(RocksStore store) {
    List<IndexDef> defs = new ArrayList<>();
    byte[] prefix = {Layout.INDEX_ENTRY};
    try (RocksIterator it = store.iterator(store.catalog())) {
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        defs.add(CatalogCodec.decode(it.value(), IndexDef.class));
      }
    }
    return defs;
  }

  @Override public void close() {
    closed = true;
    builder.shutdownNow();
    try {
      // A running build polls for cancellation; let it stop before the store goes away.
      builder.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.shutdownNow();
    for (IndexHandle h : ready.values()) {
      h.retire();
    }
    ready.clear();
  }
}
