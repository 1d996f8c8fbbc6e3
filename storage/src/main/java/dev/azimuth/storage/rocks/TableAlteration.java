package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.Alteration;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.RowValidator;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One ALTER TABLE: the new definition, the indexes it changes (dropped with a dropped column,
 * renumbered after it), and how the in-memory segments are laid out anew, written as one synced
 * catalog write. Stored rows are never rewritten: they name their values by column id
 * ({@link RowCodec}), so an added column reads as the value it was added with, and a dropped
 * one's values are skipped. Runs under the catalog lock; not reusable.
 */
final class TableAlteration {
  private final RocksDatabase database;
  private final RocksTable table;
  private final Alteration alteration;
  private final TableDef old;

  TableAlteration(RocksDatabase database, RocksTable table, Alteration alteration) {
    this.database = database;
    this.table = table;
    this.alteration = alteration;
    this.old = table.definition();
  }

  TableDef apply() {
    List<ColumnDef> columns = new ArrayList<>(old.columns());
    int key = old.primaryKey();
    int nextId = old.nextColumnId();
    int[] from = identity(columns.size());
    Object[] fill = new Object[columns.size()];
    List<IndexDef> changedIndexes = new ArrayList<>();
    List<IndexDef> droppedIndexes = new ArrayList<>();
    TableDef next;
    Runnable check = () -> { };
    switch (alteration) {
      case Alteration.AddColumn add -> {
        ColumnDef c = add.column();
        requireNewName(c.name());
        if (c.name().equals(TableDef.HIDDEN_KEY)) {
          throw new StorageException(ErrorCode.INVALID_TABLE_DEFINITION, "column name "
              + TableDef.HIDDEN_KEY + " is reserved for the row id of tables without a primary "
              + "key");
        }
        if (c.type() == ColumnType.VECTOR && vectorColumns() >= TableDef.MAX_VECTOR_COLUMNS) {
          throw new StorageException(ErrorCode.TOO_MANY_COLUMNS, "table " + old.name()
              + " has " + TableDef.MAX_VECTOR_COLUMNS + " VECTOR columns, the most it may have");
        }
        if (c.type() == ColumnType.VECTOR && (c.precision() < 1 || c.precision() > 16000)) {
          throw new StorageException(ErrorCode.INVALID_TABLE_DEFINITION, "column " + c.name()
              + ": VECTOR dimension must be between 1 and 16000");
        }
        Object value = c.defaultValue();
        if (value != null) {
          if (c.type() == ColumnType.VECTOR && table.rowCount() > 0) {
            throw new StorageException(ErrorCode.FEATURE_NOT_SUPPORTED, "ADD COLUMN " + c.name()
                + " VECTOR with a DEFAULT on a table with rows is not supported: add it "
                + "without one and fill it with UPDATE");
          }
          checkValue(c, value);
        }
        if (!c.nullable() && value == null && table.rowCount() > 0) {
          throw new StorageException(ErrorCode.NOT_NULL_VIOLATION, "column " + c.name()
              + " of table " + old.name() + " contains null values: a NOT NULL column added to "
              + "a table with rows needs a DEFAULT");
        }
        // A hidden row id stays last, so that INSERTs without a column list never reach it.
        int at = old.hasHiddenKey() ? columns.size() - 1 : columns.size();
        columns.add(at, c.added(nextId));
        nextId++;
        int[] moved = new int[columns.size()];
        for (int n = 0, o = 0; n < moved.length; n++) {
          moved[n] = n == at ? -1 : o++;
        }
        from = moved;
        fill = new Object[columns.size()];
        fill[at] = c.type() == ColumnType.VECTOR ? null : value;
        if (old.hasHiddenKey()) {
          key = columns.size() - 1;
        }
        next = old.withColumns(columns, key, nextId);
      }
      case Alteration.DropColumn drop -> {
        int i = visibleColumn(drop.column());
        if (i == key) {
          throw new StorageException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot drop column "
              + drop.column() + ": it is the primary key of table " + old.name());
        }
        columns.remove(i);
        int[] kept = new int[columns.size()];
        for (int n = 0, o = 0; o < old.columns().size(); o++) {
          if (o != i) {
            kept[n++] = o;
          }
        }
        from = kept;
        fill = new Object[columns.size()];
        for (IndexDef index : database.indexService().indexesOf(old.id())) {
          IndexDef shifted = index.withoutColumn(i);
          if (shifted == null) {
            droppedIndexes.add(index);
          } else if (!shifted.equals(index)) {
            changedIndexes.add(shifted);
          }
        }
        int droppedId = old.columns().get(i).id();
        List<dev.azimuth.storage.UniqueKey> keys = new ArrayList<>();
        for (dev.azimuth.storage.UniqueKey k : old.uniqueKeys()) {
          if (!k.columns().contains(droppedId)) {
            keys.add(k);
          } else if (k.primary()) {
            throw new StorageException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot drop column "
                + drop.column() + ": it is part of the primary key of table " + old.name());
          }
        }
        next = old.withColumns(columns, key > i ? key - 1 : key, nextId).withUniqueKeys(keys);
      }
      case Alteration.RenameColumn rename -> {
        int i = visibleColumn(rename.column());
        if (rename.newName().equals(TableDef.HIDDEN_KEY)) {
          throw new StorageException(ErrorCode.INVALID_TABLE_DEFINITION, "column name "
              + TableDef.HIDDEN_KEY + " is reserved for the row id of tables without a primary "
              + "key");
        }
        requireNewName(rename.newName());
        columns.set(i, columns.get(i).withName(rename.newName()));
        next = old.withColumns(columns, key, nextId);
      }
      case Alteration.SetNotNull notNull -> {
        int i = column(notNull.column());
        boolean inPrimary = old.uniqueKeys().stream().anyMatch(k -> k.primary()
            && k.columns().contains(old.columns().get(i).id()));
        if (!notNull.notNull() && (i == key || inPrimary)) {
          throw new StorageException(ErrorCode.INVALID_TABLE_DEFINITION, "column "
              + notNull.column() + " is in the primary key and stays NOT NULL");
        }
        if (notNull.notNull()) {
          check = () -> requireNoNulls(i);
        }
        columns.set(i, columns.get(i).withNullable(!notNull.notNull()));
        next = old.withColumns(columns, key, nextId);
      }
      case Alteration.SetDefault setDefault -> {
        int i = column(setDefault.column());
        if (setDefault.value() != null) {
          checkValue(columns.get(i), setDefault.value());
        }
        columns.set(i, columns.get(i).withDefault(setDefault.value()));
        next = old.withColumns(columns, key, nextId);
      }
      case Alteration.RenameTable rename -> {
        if (database.hasTable(rename.newName())) {
          throw new StorageException(ErrorCode.DUPLICATE_TABLE, "table " + rename.newName()
              + " already exists");
        }
        next = old.withName(rename.newName());
      }
    }
    Map<String, IndexDef> byName = database.indexMap();
    RocksStore store = database.store();
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(store.catalog(), Layout.catalogKey(next.id()), CatalogCodec.encode(next));
      for (IndexDef index : droppedIndexes) {
        batch.delete(store.catalog(), Layout.indexKey(index.id()));
        database.indexService().drop(index, batch);
      }
      for (IndexDef index : changedIndexes) {
        batch.put(store.catalog(), Layout.indexKey(index.id()), CatalogCodec.encodeAny(index));
      }
      table.alter(next, from, fill, batch, check);
    } catch (RocksDBException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "could not alter table " + old.name(), e);
    }
    for (IndexDef index : droppedIndexes) {
      byName.remove(index.name());
      database.indexService().deleteFiles(index);
    }
    for (IndexDef index : changedIndexes) {
      byName.put(index.name(), index);
      database.indexService().register(index);
    }
    database.altered(old.name(), table);
    return next;
  }

  private int vectorColumns() {
    int n = 0;
    for (ColumnDef c : old.columns()) {
      n += c.type() == ColumnType.VECTOR ? 1 : 0;
    }
    return n;
  }

  private void checkValue(ColumnDef c, Object value) {
    TableDef probe = new TableDef(0, old.name(), List.of(c.withNullable(true)), 0);
    RowValidator.validate(probe, new Object[] {value});
  }

  /** A column the user may change: not a hidden row id. */
  private int visibleColumn(String name) {
    int i = column(name);
    if (old.isHidden(i)) {
      throw new StorageException(ErrorCode.FEATURE_NOT_SUPPORTED, "column " + name
          + " is the row id of table " + old.name() + " and cannot change");
    }
    return i;
  }

  private int column(String name) {
    int i = old.indexOf(name);
    if (i < 0) {
      throw new StorageException(ErrorCode.UNDEFINED_COLUMN, "column " + name
          + " of table " + old.name() + " does not exist");
    }
    return i;
  }

  private void requireNewName(String name) {
    if (old.indexOf(name) >= 0) {
      throw new StorageException(ErrorCode.DUPLICATE_COLUMN, "column " + name
          + " of table " + old.name() + " already exists");
    }
  }

  /** Runs under the table's write lock, so that no NULL is written between check and change. */
  private void requireNoNulls(int column) {
    {
      boolean vector = old.columns().get(column).type() == ColumnType.VECTOR;
      for (SegmentMirror.Snapshot s : table.publishedSegments()) {
        for (int o = 0; o < s.size(); o++) {
          if (s.isLive(o) && (vector ? s.isNull(column, o) : s.value(column, o) == null)) {
            throw new StorageException(ErrorCode.NOT_NULL_VIOLATION, "column "
                + old.columns().get(column).name() + " of table " + old.name()
                + " contains null values");
          }
        }
      }
    }
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static int[] append(int[] a, int v) {
    int[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }
}
