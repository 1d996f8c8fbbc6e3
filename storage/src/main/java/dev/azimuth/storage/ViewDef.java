package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A view as the catalog keeps it: its query's text, planned each time a statement uses the
 * view, and the columns it had when it was made (names and types).
 *
 * @param name    the view's name, unique among tables and views
 * @param sql     the query, as written
 * @param columns its result columns
 */
public record ViewDef(String name, String sql, List<ColumnDef> columns) {
  public ViewDef {
    requireNonNull(name, "name");
    requireNonNull(sql, "sql");
    columns = List.copyOf(columns);
  }
}
