package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

/**
 * One change in a statement's write set. Rows are full-width {@code Object[]} in column order,
 * with values in the representation {@link ColumnType} documents.
 */
public sealed interface RowChange {
  /** Adds a row; fails with a unique violation if its key exists. */
  record Insert(Object[] row) implements RowChange {
    public Insert {
      requireNonNull(row, "row");
    }
  }

  /** Adds a row, replacing any row with the same key. */
  record Upsert(Object[] row) implements RowChange {
    public Upsert {
      requireNonNull(row, "row");
    }
  }

  /** Replaces the row stored under {@code oldKey} by {@code row}, whose key may differ. */
  record Update(Object oldKey, Object[] row) implements RowChange {
    public Update {
      requireNonNull(oldKey, "oldKey");
      requireNonNull(row, "row");
    }
  }

  /** Removes the row with this key, if there is one. */
  record Delete(Object key) implements RowChange {
    public Delete {
      requireNonNull(key, "key");
    }
  }
}
