package dev.azimuth.bench.ann;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * An embedded Azimuth database reached only through JDBC: table loading, index statements,
 * plans and the search knob. One connection; not thread-safe.
 */
final class AzimuthDb implements AutoCloseable {
  /** Rows per {@code executeBatch}. */
  static final int BATCH = 1000;

  private final Path dir;
  private final Connection connection;

  private AzimuthDb(Path dir, Connection connection) {
    this.dir = dir;
    this.connection = connection;
  }

  /** Opens {@code jdbc:azimuth:file:DIR;sync=false} with extra connection properties. */
  static AzimuthDb open(Path dir, Properties properties) throws SQLException {
    return new AzimuthDb(dir, DriverManager.getConnection(url(dir), properties));
  }

  /** The URL of a database folder, without fsync per statement (loading speed). */
  static String url(Path dir) {
    return "jdbc:azimuth:file:" + dir.toAbsolutePath() + ";sync=false";
  }

  Connection connection() {
    return connection;
  }

  Path dir() {
    return dir;
  }

  /** Whether {@code table} exists in schema PUBLIC. */
  boolean tableExists(String table) throws SQLException {
    try (ResultSet rs = connection.getMetaData().getTables(null, "PUBLIC",
        table.toUpperCase(Locale.ROOT), null)) {
      return rs.next();
    }
  }

  /** {@code SELECT COUNT(*)} of a table. */
  long count(String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs one statement. */
  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Creates the table {@code (id BIGINT PRIMARY KEY, label INTEGER, r INTEGER, embedding
   * VECTOR(d))} and inserts every base row with a prepared statement in batches of
   * {@value #BATCH}; returns the wall time in nanoseconds (CREATE TABLE excluded).
   */
  long load(BenchData data) throws SQLException {
    Vectors base = data.base();
    execute("CREATE TABLE " + data.table() + " (id BIGINT PRIMARY KEY, label INTEGER, "
        + "r INTEGER, embedding VECTOR(" + base.dimension() + "))");
    long start = System.nanoTime();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + data.table() + " VALUES (?, ?, ?, ?)")) {
      for (int id = 0; id < base.count(); id++) {
        insert.setLong(1, id);
        Integer label = data.baseLabel(id);
        if (label == null) {
          insert.setNull(2, Types.INTEGER);
        } else {
          insert.setInt(2, label);
        }
        insert.setInt(3, Buckets.of(id));
        insert.setObject(4, base.vector(id));
        insert.addBatch();
        if ((id + 1) % BATCH == 0 || id == base.count() - 1) {
          insert.executeBatch();
        }
        if ((id + 1) % 100_000 == 0) {
          System.err.printf(Locale.ROOT, "  loaded %,d rows%n", id + 1);
        }
      }
    }
    return System.nanoTime() - start;
  }

  /** Sets the search knob with {@code SET ef_search = n}. */
  void setEfSearch(int ef) throws SQLException {
    execute("SET ef_search = " + ef);
  }

  /**
   * {@code EXPLAIN PLAN FOR} a query with {@code ?} placeholders; returns the plan text. The
   * parameters are bound only if the prepared EXPLAIN declares them (Calcite plans EXPLAIN
   * without binding values, so it may declare none).
   */
  String explain(String query, Object... parameters) throws SQLException {
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN PLAN FOR " + query)) {
      int declared = explain.getParameterMetaData().getParameterCount();
      for (int i = 0; i < Math.min(declared, parameters.length); i++) {
        explain.setObject(i + 1, parameters[i]);
      }
      List<String> lines = new ArrayList<>();
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
      return String.join("\n", lines);
    }
  }

  /** Runs a query and returns its rows as a markdown table (every value as text). */
  MarkdownTable table(String query) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
      int n = rs.getMetaData().getColumnCount();
      String[] headers = new String[n];
      for (int i = 0; i < n; i++) {
        headers[i] = rs.getMetaData().getColumnLabel(i + 1);
      }
      MarkdownTable table = new MarkdownTable(headers);
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getString(i + 1);
        }
        table.row(row);
      }
      return table;
    }
  }

  /**
   * Counts the rows of {@code SYS.INDEXES} for an index by state, e.g. {@code {READY=3}}; an
   * empty map when the index has no rows there.
   */
  Map<String, Integer> indexStates(String index) throws SQLException {
    Map<String, Integer> states = new TreeMap<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT STATE FROM SYS.INDEXES WHERE INDEX_NAME = ?")) {
      ps.setString(1, index.toUpperCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          states.merge(rs.getString(1), 1, Integer::sum);
        }
      }
    }
    return states;
  }

  /** Reads the first column of every row as a long id. */
  static int[] ids(ResultSet rs, int expected) throws SQLException {
    int[] out = new int[expected];
    int n = 0;
    while (rs.next()) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2 + 1);
      }
      out[n++] = Math.toIntExact(rs.getLong(1));
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
