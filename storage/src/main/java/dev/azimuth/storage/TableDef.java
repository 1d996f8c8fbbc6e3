package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's definition as the catalog keeps it.
 *
 * @param id           identifier, never reused, that prefixes every key of the table's data
 * @param name         the table's name, as SQL resolved it
 * @param columns      columns in declaration order
 * @param primaryKey   index in {@code columns} of the single primary-key column
 * @param nextColumnId the id the next added column gets: ids of dropped columns are never
 *                     given again, since stored rows still name their values by them
 * @param legacyLayout the types of the columns, by position, of rows stored in the first row
 *                     format (before columns could change), whose values follow the columns'
 *                     positions then (ids 1, 2, ...); empty for tables made since
 * @param uniqueKeys   UNIQUE constraints, and the primary key of several columns
 */
public record TableDef(long id, String name, List<ColumnDef> columns, int primaryKey,
    int nextColumnId, List<ColumnType> legacyLayout, List<UniqueKey> uniqueKeys) {
  /**
   * VECTOR columns a table may have: each is mirrored in memory per segment and may carry its
   * own indexes, so the cap bounds what one row costs (Milvus caps vector fields per collection
   * likewise).
   */
  public static final int MAX_VECTOR_COLUMNS = 10;
  /**
   * The name of the key column a table declared without PRIMARY KEY gets: a BIGINT row id that
   * storage assigns, last among the columns, hidden from {@code SELECT *} and the catalog views
   * (PostgreSQL's ctid plays the same part). SQL names it quoted: {@code "$ROWID"}.
   */
  public static final String HIDDEN_KEY = "$ROWID";

  public TableDef {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (primaryKey < 0 || primaryKey >= columns.size()) {
      throw new IllegalArgumentException("primary key index " + primaryKey + " out of range");
    }
    int maxId = 0;
    for (ColumnDef c : columns) {
      maxId = Math.max(maxId, c.id());
    }
    nextColumnId = Math.max(nextColumnId, maxId + 1);
    if (legacyLayout == null) {
      // A catalog entry written before columns could change: its rows may be in the first
      // format, laid out as its columns are.
      List<ColumnType> types = new ArrayList<>();
      for (ColumnDef c : columns) {
        types.add(c.type());
      }
      legacyLayout = types;
    }
    legacyLayout = List.copyOf(legacyLayout);
    uniqueKeys = uniqueKeys == null ? List.of() : List.copyOf(uniqueKeys);
  }

  /** A new table's definition: its rows are all in the current format. */
  public TableDef(long id, String name, List<ColumnDef> columns, int primaryKey) {
    this(id, name, columns, primaryKey, 0, List.of(), List.of());
  }

  /** The same definition with these unique keys. */
  public TableDef withUniqueKeys(List<UniqueKey> keys) {
    return new TableDef(id, name, columns, primaryKey, nextColumnId, legacyLayout, keys);
  }

  /** The column indexes of a unique key's columns, or null if one of them is gone. */
  public int[] columnsOf(UniqueKey key) {
    int[] out = new int[key.columns().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = -1;
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).id() == key.columns().get(i)) {
          out[i] = c;
        }
      }
      if (out[i] < 0) {
        return null;
      }
    }
    return out;
  }

  /** The primary key's column indexes: the key column, or a primary unique key's columns. */
  public int[] primaryKeyColumns() {
    for (UniqueKey k : uniqueKeys) {
      if (k.primary()) {
        return columnsOf(k);
      }
    }
    return hasHiddenKey() ? new int[0] : new int[] {primaryKey};
  }

  public ColumnDef keyColumn() {
    return columns.get(primaryKey);
  }

  /** Whether the key is a row id storage assigns ({@link #HIDDEN_KEY}), not a user column. */
  public boolean hasHiddenKey() {
    return keyColumn().name().equals(HIDDEN_KEY);
  }

  /** Whether a column is hidden: the row id of a table without a declared key. */
  public boolean isHidden(int column) {
    return column == primaryKey && hasHiddenKey();
  }

  /** The indexes of the columns SQL shows (all but a hidden row id), in order. */
  public int[] visibleColumns() {
    int[] out = new int[columns.size() - (hasHiddenKey() ? 1 : 0)];
    for (int i = 0, n = 0; i < columns.size(); i++) {
      if (!isHidden(i)) {
        out[n++] = i;
      }
    }
    return out;
  }

  /** Index of the named column, or -1. */
  public int indexOf(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }

  /** The same table with other columns (the key at {@code key}) and column counter. */
  public TableDef withColumns(List<ColumnDef> newColumns, int key, int newNextColumnId) {
    return new TableDef(id, name, newColumns, key, newNextColumnId, legacyLayout, uniqueKeys);
  }

  public TableDef withName(String newName) {
    return new TableDef(id, newName, columns, primaryKey, nextColumnId, legacyLayout,
        uniqueKeys);
  }

  /** The same definition under another id and without rows (what TRUNCATE makes). */
  public TableDef emptiedAs(long newId) {
    return new TableDef(newId, name, columns, primaryKey, nextColumnId, List.of(), uniqueKeys);
  }
}
