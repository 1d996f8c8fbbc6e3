package dev.azimuth.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Test helpers: servers on free loopback ports, remote connections, result rows. */
final class TestServers {
  private TestServers() {}

  /** A server without authentication on a free loopback port, over a new database. */
  static AzimuthServer start(Path dir) throws Exception {
    return AzimuthServer.start(ServerConfig.local(dir.resolve("data")));
  }

  static String url(AzimuthServer server) {
    return "jdbc:azimuth:remote:" + server.url();
  }

  static Connection connect(AzimuthServer server) throws SQLException {
    return DriverManager.getConnection(url(server));
  }

  static Connection connect(AzimuthServer server, String user, String password)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection(url(server), p);
  }

  static void run(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** A query's rows, each column read with getString. */
  static List<List<String>> strings(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return strings(rs);
    }
  }

  static List<List<String>> strings(ResultSet rs) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        row.add(rs.getString(i));
      }
      rows.add(row);
    }
    return rows;
  }
}
