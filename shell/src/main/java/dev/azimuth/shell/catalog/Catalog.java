package dev.azimuth.shell.catalog;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the tables a connection's {@link DatabaseMetaData} lists, with their columns.
 * Immutable and thread-safe.
 *
 * @param tables every table, in the order the driver listed them
 */
public record Catalog(List<Table> tables) {
  /** A catalog with no tables, e.g. when reading it failed. */
  public static final Catalog EMPTY = new Catalog(List.of());

  /** Copies the list. */
  public Catalog {
    tables = List.copyOf(tables);
  }

  /**
   * A table.
   *
   * @param schema  its schema, {@code null} if the driver has none
   * @param name    its name as stored (upper-case unless it was quoted)
   * @param type    the driver's table type, e.g. {@code TABLE}
   * @param columns its columns in order
   */
  public record Table(String schema, String name, String type, List<Column> columns) {
    /** Copies the list. */
    public Table {
      columns = List.copyOf(columns);
    }

    /** {@code SCHEMA.NAME}, or the name alone without a schema. */
    public String qualifiedName() {
      return schema == null ? name : schema + "." + name;
    }
  }

  /**
   * A column.
   *
   * @param name         its name as stored
   * @param typeName     the driver's type name, e.g. {@code VARCHAR(200)} or {@code VECTOR(3)}
   * @param nullable     whether it may hold NULL
   * @param defaultValue its default expression, or {@code null}
   */
  public record Column(String name, String typeName, boolean nullable, String defaultValue) {}

  /** Reads every table and column of {@code connection} (two metadata calls). */
  public static Catalog load(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    Map<String, String[]> tables = new LinkedHashMap<>();
    try (ResultSet rows = meta.getTables(null, null, "%", null)) {
      while (rows.next()) {
        String schema = rows.getString("TABLE_SCHEM");
        String name = rows.getString("TABLE_NAME");
        tables.put(key(schema, name), new String[] {schema, name, rows.getString("TABLE_TYPE")});
      }
    }
    Map<String, List<Column>> columns = new LinkedHashMap<>();
    try (ResultSet rows = meta.getColumns(null, null, "%", "%")) {
      while (rows.next()) {
        columns.computeIfAbsent(key(rows.getString("TABLE_SCHEM"), rows.getString("TABLE_NAME")),
            k -> new ArrayList<>()).add(new Column(rows.getString("COLUMN_NAME"),
                rows.getString("TYPE_NAME"),
                rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                rows.getString("COLUMN_DEF")));
      }
    }
    List<Table> list = new ArrayList<>();
    tables.forEach((key, t) ->
        list.add(new Table(t[0], t[1], t[2], columns.getOrDefault(key, List.of()))));
    return new Catalog(list);
  }

  private static String key(String schema, String name) {
    return schema + "\u0000" + name;
  }

  /**
   * The table a user means by {@code name}: {@code docs}, {@code DOCS}, {@code public.docs} or
   * {@code "Docs"}. As in SQL, an unquoted name means its upper-case form; failing that, any
   * table whose name differs only in case. A quoted name must match exactly.
   */
  public Optional<Table> find(String name) {
    String tableName = name.strip();
    String schemaName = null;
    int dot = lastDotOutsideQuotes(tableName);
    if (dot > 0) {
      schemaName = tableName.substring(0, dot);
      tableName = tableName.substring(dot + 1);
    }
    if (schemaName == null) {
      // As in SQL, an unqualified name means PUBLIC's table before another schema's.
      Optional<Table> inPublic = find("PUBLIC." + tableName);
      if (inPublic.isPresent()) {
        return inPublic;
      }
    }
    String exact = isQuoted(tableName) ? unquote(tableName) : tableName.toUpperCase(Locale.ROOT);
    Table loose = null;
    for (Table table : tables) {
      if (schemaName != null && !matches(schemaName, table.schema())) {
        continue;
      }
      if (table.name().equals(exact)) {
        return Optional.of(table);
      }
      if (loose == null && matches(tableName, table.name())) {
        loose = table;
      }
    }
    return Optional.ofNullable(loose);
  }

  /** Whether the identifier {@code typed} names {@code stored}. */
  public static boolean matches(String typed, String stored) {
    if (stored == null) {
      return false;
    }
    if (isQuoted(typed)) {
      return unquote(typed).equals(stored);
    }
    return typed.toUpperCase(Locale.ROOT).equals(stored.toUpperCase(Locale.ROOT));
  }

  private static boolean isQuoted(String identifier) {
    return identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"");
  }

  private static String unquote(String identifier) {
    if (isQuoted(identifier)) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier;
  }

  private static int lastDotOutsideQuotes(String name) {
    boolean quoted = false;
    int dot = -1;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        dot = i;
      }
    }
    return dot;
  }
}
