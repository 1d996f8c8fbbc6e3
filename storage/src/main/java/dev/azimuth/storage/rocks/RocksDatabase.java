package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.Alteration;
import dev.azimuth.storage.Database;
import dev.azimuth.storage.DatabaseSnapshot;
import dev.azimuth.storage.Transaction;
import dev.azimuth.storage.ViewDef;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.StorageOptions;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.text.TextIndexOptions;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.IndexState;
import dev.azimuth.storage.SegmentInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/** A {@link Database} in a RocksDB directory (or in memory). */
public final class RocksDatabase implements Database {
  private final RocksStore store;
  private final StorageOptions options;
  private final IndexService indexService;
  private final SegmentCompactor compactor;
  private final Path temporaryIndexDirectory;
  private final Map<String, RocksTable> tables = new LinkedHashMap<>();
  private final Map<String, IndexDef> indexes = new LinkedHashMap<>();
  private final Map<String, ViewDef> views = new java.util.TreeMap<>();
  private final java.util.TreeSet<String> schemas = new java.util.TreeSet<>();
  private volatile long version;
  private long nextTableId;
  private long nextIndexId;
  private boolean closed;

  private RocksDatabase(RocksStore store, StorageOptions options, Path indexDirectory,
      boolean temporary) {
    this.store = store;
    this.options = options;
    this.indexService = new IndexService(store, indexDirectory);
    this.compactor = new SegmentCompactor(store, indexService, new MergePolicy(
        options.mergeFactor(), options.maxSegmentRows(), options.compactDeletedFraction(),
        options.sealRows()));
    this.temporaryIndexDirectory = temporary ? indexDirectory : null;
  }

  /**
   * Opens (creating if needed) the database in {@code dir}, or an in-memory one if the options
   * say so ({@code dir} is then ignored).
   *
   * @throws StorageException OBJECT_IN_USE if another process has it open
   */
  public static RocksDatabase open(Path dir, StorageOptions options) {
    RocksStore store = RocksStore.open(dir, options);
    RocksDatabase db;
    try {
      db = options.inMemory()
          ? new RocksDatabase(store, options, Files.createTempDirectory("azimuth-indexes"), true)
          : new RocksDatabase(store, options, dir.resolve("indexes"), false);
    } catch (IOException e) {
      store.close();
      throw new StorageException(ErrorCode.IO_ERROR, "could not create an index directory", e);
    }
    try {
      db.load();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private void load() {
    byte[] next = store.get(store.catalog(), Layout.NEXT_TABLE_ID_KEY);
    nextTableId = next == null ? 1 : ByteBuffer.wrap(next).getLong();
    try (RocksIterator it = store.iterator(store.catalog())) {
      byte[] prefix = {Layout.TABLE_ENTRY};
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        TableDef def = CatalogCodec.decode(it.value());
        RocksTable table = newTable(def);
        table.recover();
        tables.put(def.name(), table);
      }
    }
    try (RocksIterator it = store.iterator(store.catalog())) {
      byte[] prefix = {Layout.SCHEMA_ENTRY};
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        schemas.add(new String(it.key(), 1, it.key().length - 1,
            java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    try (RocksIterator it = store.iterator(store.catalog())) {
      byte[] prefix = {Layout.VIEW_ENTRY};
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        ViewDef view = CatalogCodec.decode(it.value(), ViewDef.class);
        views.put(view.name(), view);
      }
    }
    byte[] nextIndex = store.get(store.catalog(), Layout.NEXT_INDEX_ID_KEY);
    nextIndexId = nextIndex == null ? 1 : ByteBuffer.wrap(nextIndex).getLong();
    List<IndexDef> defs = IndexService.load(store);
    Map<Long, RocksTable> byId = new HashMap<>();
    for (RocksTable t : tables.values()) {
      byId.put(t.definition().id(), t);
    }
    indexService.removeLeftovers(defs, byId);
    for (IndexDef def : defs) {
      indexes.put(def.name(), def);
      indexService.open(def, tableById(def.tableId()));
    }
    // Options may have changed since the last open, and a merge may have been cut short.
    for (RocksTable t : tables.values()) {
      compactor.check(t);
    }
  }

  private RocksTable newTable(TableDef def) {
    return new RocksTable(store, def, options.sealRows(), this::sealed, compactor::check,
        indexService);
  }

  private void sealed(RocksTable table, SegmentMirror segment) {
    indexService.sealed(table, segment);
    compactor.check(table);
  }

  /**
   * Waits until no segment merge and no graph build is running or queued: for tests and tools
   * that need the background work of the writes so far to be done.
   */
  public void awaitBackgroundWork() throws InterruptedException {
    do {
      compactor.awaitIdle();
      indexService.awaitBuilds();
    } while (!compactor.isIdle());
  }

  private RocksTable tableById(long id) {
    for (RocksTable t : tables.values()) {
      if (t.definition().id() == id) {
        return t;
      }
    }
    throw new StorageException(ErrorCode.INTERNAL_ERROR, "no table with id " + id);
  }

  @Override public DatabaseSnapshot snapshot(boolean forWrite) {
    return capture(forWrite);
  }

  private RocksSnapshot capture(boolean forWrite) {
    List<RocksTable> all;
    synchronized (this) {
      checkOpen();
      all = List.copyOf(tables.values());
    }
    return RocksSnapshot.capture(store, all, forWrite);
  }

  @Override public Transaction begin() {
    synchronized (this) {
      checkOpen();
    }
    return new RocksTransaction(store, () -> capture(true));
  }

  @Override public long catalogVersion() {
    return version;
  }

  @Override public synchronized List<TableDef> tables() {
    List<TableDef> defs = new ArrayList<>();
    for (RocksTable t : tables.values()) {
      defs.add(t.definition());
    }
    return defs;
  }

  @Override public synchronized Optional<TableStore> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  @Override public synchronized Optional<TableStore> table(long id) {
    for (RocksTable t : tables.values()) {
      if (t.definition().id() == id) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override public TableDef createTable(String name, List<ColumnDef> columns, int primaryKey) {
    return createTable(name, columns, primaryKey, List.of());
  }

  @Override public synchronized TableDef createTable(String name, List<ColumnDef> columns,
      int primaryKey, List<dev.azimuth.storage.UniqueKey> uniqueKeys) {
    checkOpen();
    if (tables.containsKey(name)) {
      throw new StorageException(ErrorCode.DUPLICATE_TABLE, "table " + name + " already exists");
    }
    if (views.containsKey(name)) {
      throw new StorageException(ErrorCode.DUPLICATE_TABLE, "a view named " + name
          + " already exists");
    }
    List<ColumnDef> numbered = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDef c = columns.get(i);
      numbered.add(new ColumnDef(i + 1, c.name(), c.type(), c.precision(), c.scale(),
          c.nullable() && i != primaryKey, c.defaultText(), null));
    }
    List<dev.azimuth.storage.UniqueKey> keys = new ArrayList<>();
    for (dev.azimuth.storage.UniqueKey k : uniqueKeys) {
      // Given by column index; kept by column id (ids are index + 1 here).
      keys.add(new dev.azimuth.storage.UniqueKey(k.name(),
          k.columns().stream().map(c -> c + 1).toList(), k.primary()));
    }
    TableDef def = new TableDef(nextTableId, name, numbered, primaryKey).withUniqueKeys(keys);
    check(def);
    for (dev.azimuth.storage.UniqueKey k : def.uniqueKeys()) {
      UniqueIndex.check(def, k);
    }
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(store.catalog(), Layout.catalogKey(def.id()), CatalogCodec.encode(def));
      batch.put(store.catalog(), Layout.NEXT_TABLE_ID_KEY,
          ByteBuffer.allocate(8).putLong(def.id() + 1).array());
      store.write(batch);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not create table " + name, e);
    }
    nextTableId = def.id() + 1;
    tables.put(name, newTable(def));
    version++;
    return def;
  }

  private static void check(TableDef def) {
    ColumnDef key = def.keyColumn();
    if (!key.type().canBeKey()) {
      throw new StorageException(ErrorCode.INVALID_TABLE_DEFINITION, "primary key column "
          + key.name() + " is " + key.sqlType() + "; a key must be INTEGER, BIGINT or VARCHAR");
    }
    int vectors = 0;
    for (ColumnDef c : def.columns()) {
      if (c.type() == ColumnType.VECTOR && (c.precision() < 1 || c.precision() > 16000)) {
        throw new StorageException(ErrorCode.INVALID_TABLE_DEFINITION, "column " + c.name()
            + ": VECTOR dimension must be between 1 and 16000");
      }
      vectors += c.type() == ColumnType.VECTOR ? 1 : 0;
    }
    if (vectors > TableDef.MAX_VECTOR_COLUMNS) {
      throw new StorageException(ErrorCode.TOO_MANY_COLUMNS, "table " + def.name() + " has "
          + vectors + " VECTOR columns; a table may have at most " + TableDef.MAX_VECTOR_COLUMNS);
    }
  }

  @Override public TableDef alterTable(String name, Alteration alteration) {
    // Merges and index builds read the segments by the old layout: let them finish first.
    try {
      awaitBackgroundWork();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException(ErrorCode.QUERY_CANCELED, "ALTER TABLE interrupted", e);
    }
    synchronized (this) {
      checkOpen();
      RocksTable table = tables.get(name);
      if (table == null) {
        throw new StorageException(ErrorCode.UNDEFINED_TABLE, "table " + name
            + " does not exist");
      }
      return new TableAlteration(this, table, alteration).apply();
    }
  }

  /** The store, for {@link TableAlteration}. */
  RocksStore store() {
    return store;
  }

  IndexService indexService() {
    return indexService;
  }

  /** Under the catalog lock: indexes of a table, by name, for {@link TableAlteration}. */
  Map<String, IndexDef> indexMap() {
    return indexes;
  }

  /** Under the catalog lock: what ALTER TABLE ... RENAME TO and the like changed. */
  void altered(String oldName, RocksTable table) {
    if (!oldName.equals(table.definition().name())) {
      tables.remove(oldName);
      tables.put(table.definition().name(), table);
    }
    version++;
  }

  /** Under the catalog lock: whether a table or view of this name exists. */
  boolean hasTable(String name) {
    return tables.containsKey(name) || views.containsKey(name);
  }

  @Override public synchronized void createSchema(String name) {
    checkOpen();
    if (name.equals(dev.azimuth.storage.SchemaNames.PUBLIC) || schemas.contains(name)
        || name.equals("SYS") || name.equals("INFORMATION_SCHEMA")) {
      throw new StorageException(ErrorCode.DUPLICATE_SCHEMA, "schema " + name
          + " already exists");
    }
    for (String t : tables.keySet()) {
      if (t.startsWith(name + ".")) {
        throw new StorageException(ErrorCode.DUPLICATE_TABLE, "table " + t + " of schema "
            + "PUBLIC would be read as a table of schema " + name + "; rename it first");
      }
    }
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(store.catalog(), Layout.schemaKey(name), new byte[0]);
      store.writeSynced(batch);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not create schema " + name, e);
    }
    schemas.add(name);
    version++;
  }

  @Override public boolean dropSchema(String name, boolean cascade) {
    List<String> contents = new ArrayList<>();
    synchronized (this) {
      checkOpen();
      if (!schemas.contains(name)) {
        return false;
      }
      for (String t : tables.keySet()) {
        if (t.startsWith(name + ".")) {
          contents.add(t);
        }
      }
      for (String v : views.keySet()) {
        if (v.startsWith(name + ".")) {
          contents.add(v);
        }
      }
      if (!contents.isEmpty() && !cascade) {
        throw new StorageException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop "
            + "schema " + name + " because other objects depend on it: " + contents
            + " (DROP SCHEMA ... CASCADE drops them too)");
      }
    }
    for (String object : contents) {
      if (!dropView(object)) {
        dropTable(object);
      }
    }
    synchronized (this) {
      try (WriteBatch batch = new WriteBatch()) {
        batch.delete(store.catalog(), Layout.schemaKey(name));
        store.writeSynced(batch);
      } catch (RocksDBException e) {
        throw new StorageException(ErrorCode.IO_ERROR, "could not drop schema " + name, e);
      }
      schemas.remove(name);
      version++;
    }
    return true;
  }

  @Override public synchronized List<String> schemas() {
    return List.copyOf(schemas);
  }

  @Override public synchronized void createView(ViewDef view, boolean replace) {
    checkOpen();
    if (tables.containsKey(view.name())) {
      throw new StorageException(ErrorCode.DUPLICATE_TABLE, "a table named " + view.name()
          + " already exists");
    }
    if (views.containsKey(view.name()) && !replace) {
      throw new StorageException(ErrorCode.DUPLICATE_TABLE, "view " + view.name()
          + " already exists");
    }
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(store.catalog(), Layout.viewKey(view.name()), CatalogCodec.encodeAny(view));
      store.writeSynced(batch);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not create view " + view.name(), e);
    }
    views.put(view.name(), view);
    version++;
  }

  @Override public synchronized boolean dropView(String name) {
    checkOpen();
    if (!views.containsKey(name)) {
      return false;
    }
    try (WriteBatch batch = new WriteBatch()) {
      batch.delete(store.catalog(), Layout.viewKey(name));
      store.writeSynced(batch);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not drop view " + name, e);
    }
    views.remove(name);
    version++;
    return true;
  }

  @Override public synchronized List<ViewDef> views() {
    return List.copyOf(views.values());
  }

  @Override public synchronized void truncateTable(String name) {
    checkOpen();
    RocksTable table = tables.get(name);
    if (table == null) {
      throw new StorageException(ErrorCode.UNDEFINED_TABLE, "table " + name + " does not exist");
    }
    // A new table id: the old one's rows, segments and index files go with a range delete and
    // the same cleanup DROP TABLE does, and the new, empty table keeps definition and indexes.
    TableDef old = table.definition();
    TableDef emptied = old.emptiedAs(nextTableId);
    List<IndexDef> oldIndexes = indexService.indexesOf(old.id());
    List<IndexDef> newIndexes = new ArrayList<>();
    long indexId = nextIndexId;
    for (IndexDef index : oldIndexes) {
      newIndexes.add(index.renumbered(indexId++, emptied.id()));
    }
    table.markDropped();
    try (WriteBatch batch = new WriteBatch()) {
      batch.delete(store.catalog(), Layout.catalogKey(old.id()));
      batch.delete(store.catalog(), Layout.segmentListKey(old.id()));
      batch.put(store.catalog(), Layout.catalogKey(emptied.id()), CatalogCodec.encode(emptied));
      batch.put(store.catalog(), Layout.NEXT_TABLE_ID_KEY,
          ByteBuffer.allocate(8).putLong(emptied.id() + 1).array());
      for (IndexDef index : oldIndexes) {
        batch.delete(store.catalog(), Layout.indexKey(index.id()));
        indexService.drop(index, batch);
      }
      for (IndexDef index : newIndexes) {
        batch.put(store.catalog(), Layout.indexKey(index.id()), CatalogCodec.encodeAny(index));
      }
      batch.put(store.catalog(), Layout.NEXT_INDEX_ID_KEY,
          ByteBuffer.allocate(8).putLong(indexId).array());
      byte[] from = Layout.tablePrefix(old.id());
      byte[] to = Layout.tableEnd(old.id());
      batch.deleteRange(store.rows(), from, to);
      batch.deleteRange(store.segments(), from, to);
      batch.deleteRange(store.deletes(), from, to);
      store.writeSynced(batch);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not truncate table " + name, e);
    }
    nextTableId = emptied.id() + 1;
    nextIndexId = indexId;
    tables.put(name, newTable(emptied));
    for (IndexDef index : oldIndexes) {
      indexes.remove(index.name());
      indexService.deleteFiles(index);
    }
    for (IndexDef index : newIndexes) {
      indexes.put(index.name(), index);
      indexService.register(index);
    }
    version++;
  }

  @Override public synchronized boolean dropTable(String name) {
    checkOpen();
    RocksTable table = tables.get(name);
    if (table == null) {
      return false;
    }
    long id = table.definition().id();
    table.markDropped();
    List<IndexDef> dropped = indexService.indexesOf(id);
    try (WriteBatch batch = new WriteBatch()) {
      batch.delete(store.catalog(), Layout.catalogKey(id));
      batch.delete(store.catalog(), Layout.segmentListKey(id));
      for (IndexDef index : dropped) {
        batch.delete(store.catalog(), Layout.indexKey(index.id()));
        indexService.drop(index, batch);
      }
      byte[] from = Layout.tablePrefix(id);
      byte[] to = Layout.tableEnd(id);
      batch.deleteRange(store.rows(), from, to);
      batch.deleteRange(store.segments(), from, to);
      batch.deleteRange(store.deletes(), from, to);
      store.write(batch);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not drop table " + name, e);
    }
    tables.remove(name);
    for (IndexDef index : dropped) {
      indexes.remove(index.name());
      indexService.deleteFiles(index);
    }
    version++;
    return true;
  }

  @Override public IndexDef createIndex(String name, String tableName, int column,
      GraphOptions graphOptions) {
    return create(name, tableName, t -> {
      if (column < 0 || column >= t.columns().size()
          || t.columns().get(column).type() != ColumnType.VECTOR) {
        throw new StorageException(ErrorCode.INVALID_PARAMETER_VALUE, "index " + name
            + ": column " + (column < 0 || column >= t.columns().size() ? "#" + column
                : t.columns().get(column).name()) + " is not a VECTOR column");
      }
      return new IndexDef(nextIndexId, name, t.id(), column, graphOptions);
    });
  }

  @Override public IndexDef createTextIndex(String name, String tableName, int column,
      TextIndexOptions textOptions) {
    return create(name, tableName, t -> {
      if (column < 0 || column >= t.columns().size()) {
        throw new StorageException(ErrorCode.INVALID_PARAMETER_VALUE, "index " + name
            + ": no column #" + column);
      }
      ColumnDef c = t.columns().get(column);
      if (c.type() != ColumnType.VARCHAR) {
        throw new StorageException(ErrorCode.DATATYPE_MISMATCH, "FULLTEXT index " + name
            + " needs a VARCHAR column, but " + c.name() + " is " + c.sqlType());
      }
      for (IndexDef other : indexes.values()) {
        if (other.fullText() && other.tableId() == t.id() && other.column() == column) {
          // Scores depend on the analyzer, and a query cannot say which index it means.
          throw new StorageException(ErrorCode.DUPLICATE_OBJECT, "column " + c.name()
              + " already has FULLTEXT index " + other.name() + "; drop it first");
        }
      }
      return new IndexDef(nextIndexId, name, t.id(), column, textOptions);
    });
  }

  @Override public IndexDef createSortedIndex(String name, String tableName,
      List<Integer> columns) {
    return create(name, tableName, t -> {
      if (columns.isEmpty() || columns.size() > MAX_KEY_COLUMNS) {
        throw new StorageException(ErrorCode.INVALID_PARAMETER_VALUE, "index " + name
            + " needs 1 to " + MAX_KEY_COLUMNS + " columns, not " + columns.size());
      }
      for (int i = 0; i < columns.size(); i++) {
        int column = columns.get(i);
        if (column < 0 || column >= t.columns().size()) {
          throw new StorageException(ErrorCode.INVALID_PARAMETER_VALUE, "index " + name
              + ": no column #" + column);
        }
        ColumnDef c = t.columns().get(column);
        if (c.type() == ColumnType.VECTOR) {
          throw new StorageException(ErrorCode.DATATYPE_MISMATCH, "BTREE index " + name
              + " cannot have VECTOR column " + c.name() + " as a key; vectors are indexed "
              + "USING HNSW or DISKANN");
        }
        if (columns.subList(0, i).contains(column)) {
          throw new StorageException(ErrorCode.INVALID_PARAMETER_VALUE, "index " + name
              + " names column " + c.name() + " twice");
        }
      }
      return new IndexDef(nextIndexId, name, t.id(), columns);
    });
  }

  /** The most key columns a BTREE index takes (PostgreSQL's limit is 32). */
  private static final int MAX_KEY_COLUMNS = 16;

  /**
   * Records a new index, then builds it over every sealed segment (the growing one sealed
   * first) and waits for those builds.
   *
   * @param define checks the table's column and makes the definition; runs under the catalog
   *     lock
   */
  private IndexDef create(String name, String tableName,
      java.util.function.Function<TableDef, IndexDef> define) {
    RocksTable table;
    IndexDef def;
    synchronized (this) {
      checkOpen();
      if (indexes.containsKey(name)) {
        throw new StorageException(ErrorCode.DUPLICATE_OBJECT,
            "index " + name + " already exists");
      }
      table = tables.get(tableName);
      if (table == null) {
        throw new StorageException(ErrorCode.UNDEFINED_TABLE,
            "table " + tableName + " does not exist");
      }
      def = define.apply(table.definition());
      try (WriteBatch batch = new WriteBatch()) {
        batch.put(store.catalog(), Layout.indexKey(def.id()), CatalogCodec.encodeAny(def));
        batch.put(store.catalog(), Layout.NEXT_INDEX_ID_KEY,
            ByteBuffer.allocate(8).putLong(def.id() + 1).array());
        store.writeSynced(batch);
      } catch (RocksDBException e) {
        throw new StorageException(ErrorCode.IO_ERROR, "could not create index " + name, e);
      }
      nextIndexId = def.id() + 1;
      indexes.put(name, def);
      indexService.register(def);
      version++;
    }
    // Outside the catalog lock: other statements go on while the indexes are built.
    table.seal();
    try {
      List<SegmentMirror> waited;
      do {
        waited = table.sealedSegments();
        List<CompletableFuture<Void>> builds = new ArrayList<>();
        for (SegmentMirror segment : waited) {
          builds.add(indexService.schedule(def, table, segment));
        }
        CompletableFuture.allOf(builds.toArray(CompletableFuture[]::new)).join();
        // A merge that replaced some of them meanwhile moved their rows to a segment that may
        // lack this index's graph: wait for that one too.
      } while (!waited.stream().allMatch(s -> table.hasSealed(s.id())));
    } catch (CompletionException | CancellationException e) {
      dropIndex(name);
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof StorageException se) {
        throw se;
      }
      throw new StorageException(ErrorCode.IO_ERROR,
          "building index " + name + " failed: " + cause.getMessage(), cause);
    }
    return def;
  }

  @Override public boolean dropIndex(String name) {
    IndexDef def;
    synchronized (this) {
      checkOpen();
      def = indexes.get(name);
      if (def == null) {
        return false;
      }
      try (WriteBatch batch = new WriteBatch()) {
        batch.delete(store.catalog(), Layout.indexKey(def.id()));
        indexService.drop(def, batch);
        store.writeSynced(batch);
      } catch (RocksDBException e) {
        throw new StorageException(ErrorCode.IO_ERROR, "could not drop index " + name, e);
      }
      indexes.remove(name);
      version++;
    }
    indexService.deleteFiles(def);
    return true;
  }

  @Override public synchronized List<IndexDef> indexes() {
    return List.copyOf(indexes.values());
  }

  @Override public List<IndexState> indexStates() {
    Map<Long, RocksTable> byId = new HashMap<>();
    synchronized (this) {
      for (RocksTable t : tables.values()) {
        byId.put(t.definition().id(), t);
      }
    }
    return indexService.states(byId);
  }

  @Override public List<SegmentInfo> segments() {
    List<RocksTable> all;
    synchronized (this) {
      all = List.copyOf(tables.values());
    }
    List<SegmentInfo> out = new ArrayList<>();
    for (RocksTable t : all) {
      List<SegmentMirror> segments = new ArrayList<>(t.sealedSegments());
      segments.add(t.growingSegment());
      for (SegmentMirror m : segments) {
        SegmentMirror.Snapshot s = m.published();
        out.add(new SegmentInfo(t.definition().id(), t.definition().name(), s.id(), s.sealed(),
            s.size(), s.size() - s.liveCount()));
      }
    }
    return out;
  }

  /**
   * Runs one merge of the named sealed segments now, on the calling thread, whatever the
   * policy says: for tests, which use {@code cancelled} (polled between steps of the copy) to
   * act at a known point of the merge.
   *
   * @return whether the merge committed
   */
  boolean merge(String tableName, List<Integer> segments, BooleanSupplier cancelled)
      throws IOException {
    RocksTable table;
    synchronized (this) {
      checkOpen();
      table = tables.get(tableName);
    }
    return new SegmentMerge(store, indexService, table, segments, cancelled).run();
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException(ErrorCode.CONNECTION_DOES_NOT_EXIST, "database is closed");
    }
  }

  @Override public synchronized void close() {
    if (!closed) {
      closed = true;
      compactor.close();
      indexService.close();
      store.close();
      if (temporaryIndexDirectory != null) {
        deleteTree(temporaryIndexDirectory);
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary directory: the OS cleans it eventually; nothing else depends on it.
    }
  }
}
