package dev.azimuth.shell.copy;

import dev.azimuth.shell.catalog.Catalog;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table a {@code \copy} loads, read through JDBC metadata: its columns with their types
 * (from a query that returns no row) and its primary key ({@code getPrimaryKeys}).
 *
 * @param schema  the schema as stored, or null
 * @param name    the table's name as stored
 * @param columns every column, in table order
 * @param key     the index of the primary key column, or -1 if the driver names none
 */
record TargetTable(String schema, String name, List<TargetColumn> columns, int key) {
  /** Copies the list. */
  TargetTable {
    columns = List.copyOf(columns);
  }

  /**
   * Looks up the table {@code typed} names, as SQL resolves names.
   *
   * @throws SQLException 42P01 if there is none
   */
  static TargetTable load(Connection connection, String typed) throws SQLException {
    Catalog.Table table = Catalog.load(connection).find(typed).orElseThrow(() ->
        new SQLException("table " + typed + " does not exist", "42P01"));
    String schema = table.schema();
    String name = table.name();
    List<TargetColumn> columns = new ArrayList<>();
    String from = (schema == null ? "" : quote(schema) + ".") + quote(name);
    try (Statement s = connection.createStatement();
         ResultSet rows = s.executeQuery("SELECT * FROM " + from + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rows.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(TargetColumn.of(meta.getColumnName(i), meta.getColumnType(i),
            meta.getColumnTypeName(i), meta.isNullable(i) != ResultSetMetaData.columnNoNulls,
            meta.getPrecision(i)));
      }
    }
    int key = -1;
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet keys = meta.getPrimaryKeys(null, schema, name)) {
      if (keys.next()) {
        String keyName = keys.getString("COLUMN_NAME");
        for (int i = 0; i < columns.size(); i++) {
          if (columns.get(i).name().equals(keyName)) {
            key = i;
          }
        }
      }
    }
    return new TargetTable(schema, name, columns, key);
  }

  /** The table as SQL writes it. */
  String sqlName() {
    return (schema == null ? "" : quote(schema) + ".") + quote(name);
  }

  /**
   * The column a name in a column list, header or JSON key means: as in SQL, an unquoted name
   * matches case-insensitively, a double-quoted one exactly.
   *
   * @throws BadRowException 42703 if the table has no such column
   */
  int find(String typed) throws BadRowException {
    String t = typed.strip();
    boolean quoted = t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"");
    String bare = quoted ? t.substring(1, t.length() - 1).replace("\"\"", "\"") : t;
    for (int i = 0; i < columns.size(); i++) {
      String n = columns.get(i).name();
      if (quoted ? n.equals(bare) : n.toUpperCase(Locale.ROOT).equals(bare.toUpperCase(
          Locale.ROOT))) {
        return i;
      }
    }
    throw new BadRowException("42703", "column " + bare + " of table " + name
        + " does not exist");
  }

  /** The columns a column list names, or null if the list is empty. */
  int[] listed(List<String> names) throws BadRowException {
    if (names.isEmpty()) {
      return null;
    }
    int[] indexes = new int[names.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = find(names.get(i));
      for (int j = 0; j < i; j++) {
        if (indexes[j] == indexes[i]) {
          throw new BadRowException("42701", "column " + columns.get(indexes[i]).name()
              + " is listed twice");
        }
      }
    }
    return indexes;
  }

  /** Every column index, in order. */
  int[] all() {
    int[] all = new int[columns.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
