package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A UNIQUE constraint, or the primary key of a table whose key has several columns (stored
 * under a hidden row id, with this constraint making the columns unique): no two live rows
 * have the same values in its columns, unless one of them is NULL (SQL's rule).
 *
 * @param name    the constraint's name, e.g. {@code DOCS_PKEY} or {@code DOCS_TITLE_KEY}
 * @param columns the ids of its columns, in order
 * @param primary whether it is the table's primary key (its columns are also NOT NULL)
 */
public record UniqueKey(String name, List<Integer> columns, boolean primary) {
  public UniqueKey {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a unique key needs a column");
    }
  }
}
