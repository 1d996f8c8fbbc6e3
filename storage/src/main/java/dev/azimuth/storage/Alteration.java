package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

/** One change ALTER TABLE makes to a table's definition. */
public sealed interface Alteration {
  /**
   * Adds a column at the end. Rows already stored get its DEFAULT (or NULL), without being
   * rewritten. A NOT NULL column needs a DEFAULT unless the table is empty.
   *
   * @param column the column (its id is assigned by the table)
   */
  record AddColumn(ColumnDef column) implements Alteration {
    public AddColumn {
      requireNonNull(column, "column");
    }
  }

  /** Drops a column and the indexes on it; the other columns' data stays where it is. */
  record DropColumn(String column) implements Alteration {
    public DropColumn {
      requireNonNull(column, "column");
    }
  }

  record RenameColumn(String column, String newName) implements Alteration {
    public RenameColumn {
      requireNonNull(column, "column");
      requireNonNull(newName, "newName");
    }
  }

  /** SET NOT NULL (checked against every row) or DROP NOT NULL. */
  record SetNotNull(String column, boolean notNull) implements Alteration {
    public SetNotNull {
      requireNonNull(column, "column");
    }
  }

  /** SET DEFAULT value, or DROP DEFAULT with a null value; stored rows do not change. */
  record SetDefault(String column, Object value) implements Alteration {
    public SetDefault {
      requireNonNull(column, "column");
    }
  }

  record RenameTable(String newName) implements Alteration {
    public RenameTable {
      requireNonNull(newName, "newName");
    }
  }
}
