package dev.azimuth.shell.format;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A throwaway in-memory database with rows of every kind the formats treat differently. */
final class FormatTestSupport implements AutoCloseable {
  private final Connection connection;

  FormatTestSupport() throws SQLException {
    connection = DriverManager.getConnection("jdbc:azimuth:mem:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE k (id BIGINT PRIMARY KEY, i INT, d DOUBLE, r REAL,"
          + " m DECIMAL(10, 2), b BOOLEAN, s VARCHAR(20), v VECTOR(2), w VECTOR(10))");
      statement.execute("INSERT INTO k VALUES (1, -7, 0.1, 0.1, 12.50, true, 'tab\there', '[1,2]',"
          + " '[0.5,1,2,3,4,5,6,7,8,9]')");
      statement.execute("INSERT INTO k (id) VALUES (2)");
    }
  }

  /** Prints {@code sql}'s rows in {@code format}. */
  String print(OutputFormat format, String sql) throws SQLException {
    return print(format, sql, Display.PLAIN);
  }

  /** Prints {@code sql}'s rows in {@code format} laid out for {@code display}. */
  String print(OutputFormat format, String sql, Display display) throws SQLException {
    StringWriter text = new StringWriter();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      PrintWriter out = new PrintWriter(text);
      format.writeRows(new ResultSetRows(rows), out, display);
      out.flush();
    }
    return text.toString();
  }

  @Override public void close() throws SQLException {
    connection.close();
  }
}
