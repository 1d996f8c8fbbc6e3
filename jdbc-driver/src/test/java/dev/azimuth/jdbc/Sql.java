package dev.azimuth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: connect, run statements, read results as lists, expect failures. */
final class Sql {
  private Sql() {}

  /** A private in-memory database. */
  static Connection memory() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:mem:");
  }

  static int update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  /** Rows of a query, each a list of {@code getObject} values (vectors as float[]). */
  static List<List<Object>> rows(Connection c, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return read(rs);
      }
    }
  }

  static List<List<Object>> read(ResultSet rs) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        row.add(rs.getObject(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The single value of a one-row, one-column query. */
  static Object value(Connection c, String sql, Object... params) throws SQLException {
    List<List<Object>> rows = rows(c, sql, params);
    assertEquals(1, rows.size(), sql);
    return rows.get(0).get(0);
  }

  /** Rows rendered as text, vectors in their [..] form, for compact assertions. */
  static List<String> text(Connection c, String sql, Object... params) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<Object> row : rows(c, sql, params)) {
      List<String> cells = new ArrayList<>();
      for (Object o : row) {
        cells.add(o instanceof float[] f ? Arrays.toString(f) : String.valueOf(o));
      }
      out.add(String.join("|", cells));
    }
    return out;
  }

  /** Asserts the action fails with this SQLSTATE and returns the exception. */
  static SQLException fails(String sqlState, Action action) {
    SQLException e = assertThrows(SQLException.class, action::run);
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
    return e;
  }

  /** Something that talks to the database. */
  @FunctionalInterface
  interface Action {
    void run() throws SQLException;
  }
}
