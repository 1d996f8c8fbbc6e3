package dev.azimuth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a session may do and for how long, embedded: {@code read_only=true} refuses DDL and DML
 * with 42501 (SET and queries still run), and cancel and the query timeout stop a long query
 * with 57014.
 */
class SessionLimitsTest {
  private static final String LONG_QUERY =
      "SELECT COUNT(*) FROM big a, big b, big c WHERE a.id + b.id + c.id = -1";

  @Test
  void readOnlySessionsRefuseDdlAndDml(@TempDir Path dir) throws SQLException {
    String url = "jdbc:azimuth:file:" + dir;
    try (Connection writer = DriverManager.getConnection(url);
         Connection reader = DriverManager.getConnection(url + ";read_only=true")) {
      Sql.update(writer, "CREATE TABLE t (id INTEGER PRIMARY KEY, v VECTOR(2))");
      Sql.update(writer, "INSERT INTO t VALUES (1, '[1,2]')");
      try (Statement s = reader.createStatement()) {
        s.execute("SET ef_search = 100");
        assertEquals(List.of(List.of(1L)), Sql.rows(reader, "SELECT COUNT(*) FROM t"));
        for (String sql : List.of("INSERT INTO t VALUES (2, '[0,0]')", "UPDATE t SET id = 3",
            "DELETE FROM t", "UPSERT INTO t VALUES (1, '[0,0]')",
            "CREATE TABLE u (id INTEGER PRIMARY KEY)", "DROP TABLE t",
            "CREATE INDEX t_v ON t USING HNSW (v)")) {
          SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
          assertEquals("42501", e.getSQLState(), sql);
        }
      }
      assertEquals(List.of(List.of(1L)), Sql.rows(writer, "SELECT COUNT(*) FROM t"));
    }
    SQLException bad = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(url + ";read_only=maybe"));
    assertEquals("22023", bad.getSQLState());
  }

  @Test
  void cancelAndTimeoutStopALongQuery() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection c = Sql.memory()) {
      Sql.update(c, "CREATE TABLE big (id INTEGER PRIMARY KEY)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO big VALUES (?)")) {
        for (int i = 0; i < 2000; i++) {
          insert.setInt(1, i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (Statement s = c.createStatement()) {
        Future<?> running = pool.submit(() -> s.executeQuery(LONG_QUERY));
        Thread.sleep(1000);
        s.cancel();
        assertEquals("57014", failureOf(running).getSQLState());
      }
      try (PreparedStatement ps = c.prepareStatement(LONG_QUERY)) {
        ps.setQueryTimeout(1);
        SQLException e = failureOf(pool.submit(() -> ps.executeQuery()));
        assertInstanceOf(SQLTimeoutException.class, e);
        assertEquals("57014", e.getSQLState());
        assertTrue(e.getMessage().contains("query timeout of 1 s"), e.getMessage());
      }
      assertEquals(List.of(List.of(2000L)), Sql.rows(c, "SELECT COUNT(*) FROM big"));
    } finally {
      pool.shutdownNow();
    }
  }

  private static SQLException failureOf(Future<?> running) throws Exception {
    try {
      running.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return assertInstanceOf(SQLException.class, e.getCause());
    }
    throw new AssertionError("the query finished instead of failing");
  }
}
