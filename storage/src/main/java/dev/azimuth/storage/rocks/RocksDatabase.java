package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.Database;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.StorageOptions;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/** A {@link Database} in a RocksDB directory (or in memory). */
public final class RocksDatabase implements Database {
  private final RocksStore store;
  private final Map<String, RocksTable> tables = new LinkedHashMap<>();
  private volatile long version;
  private long nextTableId;
  private boolean closed;

  private RocksDatabase(RocksStore store) {
    this.store = store;
  }

  /**
   * Opens (creating if needed) the database in {@code dir}, or an in-memory one if the options
   * say so ({@code dir} is then ignored).
   *
   * @throws StorageException OBJECT_IN_USE if another process has it open
   */
  public static RocksDatabase open(Path dir, StorageOptions options) {
    RocksStore store = RocksStore.open(dir, options);
    RocksDatabase db = new RocksDatabase(store);
    try {
      db.load();
    } catch (RuntimeException e) {
      store.close();
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
        RocksTable table = new RocksTable(store, def);
        table.recover();
        tables.put(def.name(), table);
      }
    }
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

  @Override public synchronized TableDef createTable(String name, List<ColumnDef> columns,
      int primaryKey) {
    checkOpen();
    if (tables.containsKey(name)) {
      throw new StorageException(ErrorCode.DUPLICATE_TABLE, "table " + name + " already exists");
    }
    List<ColumnDef> numbered = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDef c = columns.get(i);
      numbered.add(new ColumnDef(i + 1, c.name(), c.type(), c.precision(), c.scale(),
          c.nullable() && i != primaryKey));
    }
    TableDef def = new TableDef(nextTableId, name, numbered, primaryKey);
    check(def);
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(store.catalog(), Layout.catalogKey(def.id()), CatalogCodec.encode(def));
      batch.put(store.catalog(), Layout.NEXT_TABLE_ID_KEY,
          ByteBuffer.allocate(8).putLong(def.id() + 1).array());
      store.write(batch);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not create table " + name, e);
    }
    nextTableId = def.id() + 1;
    tables.put(name, new RocksTable(store, def));
    version++;
    return def;
  }

  private static void check(TableDef def) {
    ColumnDef key = def.keyColumn();
    if (!key.type().canBeKey()) {
      throw new StorageException(ErrorCode.INVALID_TABLE_DEFINITION, "primary key column "
          + key.name() + " is " + key.sqlType() + "; a key must be INTEGER, BIGINT or VARCHAR");
    }
    for (ColumnDef c : def.columns()) {
      if (c.type() == ColumnType.VECTOR && (c.precision() < 1 || c.precision() > 16000)) {
        throw new StorageException(ErrorCode.INVALID_TABLE_DEFINITION, "column " + c.name()
            + ": VECTOR dimension must be between 1 and 16000");
      }
    }
  }

  @Override public synchronized boolean dropTable(String name) {
    checkOpen();
    RocksTable table = tables.get(name);
    if (table == null) {
      return false;
    }
    long id = table.definition().id();
    try (WriteBatch batch = new WriteBatch()) {
      batch.delete(store.catalog(), Layout.catalogKey(id));
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
    version++;
    return true;
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException(ErrorCode.CONNECTION_DOES_NOT_EXIST, "database is closed");
    }
  }

  @Override public synchronized void close() {
    if (!closed) {
      closed = true;
      store.close();
    }
  }
}
