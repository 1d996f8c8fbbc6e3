package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table's definition as the catalog keeps it.
 *
 * @param id         identifier, never reused, that prefixes every key of the table's data
 * @param name       the table's name, as SQL resolved it
 * @param columns    columns in declaration order
 * @param primaryKey index in {@code columns} of the single primary-key column
 */
public record TableDef(long id, String name, List<ColumnDef> columns, int primaryKey) {
  /**
   * VECTOR columns a table may have: each is mirrored in memory per segment and may carry its
   * own indexes, so the cap bounds what one row costs (Milvus caps vector fields per collection
   * likewise).
   */
  public static final int MAX_VECTOR_COLUMNS = 10;

  public TableDef {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (primaryKey < 0 || primaryKey >= columns.size()) {
      throw new IllegalArgumentException("primary key index " + primaryKey + " out of range");
    }
  }

  public ColumnDef keyColumn() {
    return columns.get(primaryKey);
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
}
