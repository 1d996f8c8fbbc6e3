package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statement.cancel and setQueryTimeout stop a statement on the server: the long query (a triple
 * join over 2,000 rows, 8·10⁹ combinations, minutes of work) fails with 57014 soon after, and
 * the connection stays usable.
 */
class CancelTest {
  /** Far longer than a cancelled query takes, far shorter than the query itself. */
  private static final long STOP_WITHIN_SECONDS = 60;
  private static final String LONG_QUERY =
      "SELECT COUNT(*) FROM big a, big b, big c WHERE a.id + b.id + c.id = -1";

  @TempDir static Path dir;
  static AzimuthServer server;
  static ExecutorService pool = Executors.newCachedThreadPool();

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(dir);
    try (Connection c = TestServers.connect(server)) {
      TestServers.run(c, "CREATE TABLE big (id INTEGER PRIMARY KEY, v VECTOR(2))");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO big VALUES (?, ?)")) {
        for (int i = 0; i < 2000; i++) {
          insert.setInt(1, i);
          insert.setString(2, "[" + i + ",1]");
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    server.close();
  }

  private static SQLException failureOf(Future<?> running) throws Exception {
    try {
      running.get(STOP_WITHIN_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return assertInstanceOf(SQLException.class, e.getCause());
    }
    throw new AssertionError("the query finished instead of failing");
  }

  @Test
  void cancelFromAnotherThreadStopsTheQuery() throws Exception {
    try (Connection c = TestServers.connect(server); Statement s = c.createStatement()) {
      Future<?> running = pool.submit(() -> s.executeQuery(LONG_QUERY));
      Thread.sleep(1500);
      long cancelled = System.nanoTime();
      s.cancel();
      SQLException e = failureOf(running);
      assertEquals("57014", e.getSQLState(), e.toString());
      System.out.printf("cancel stopped the query in %.0f ms%n",
          (System.nanoTime() - cancelled) / 1e6);
      assertEquals(List.of(List.of("2000")), TestServers.strings(c,
          "SELECT COUNT(*) FROM big"));
    }
  }

  @Test
  void queryTimeoutStopsAPreparedQuery() throws Exception {
    try (Connection c = TestServers.connect(server);
         PreparedStatement ps = c.prepareStatement(LONG_QUERY)) {
      ps.setQueryTimeout(1);
      Future<?> running = pool.submit(() -> ps.executeQuery());
      SQLException e = failureOf(running);
      assertInstanceOf(SQLTimeoutException.class, e, e.toString());
      assertEquals("57014", e.getSQLState());
      assertTrue(e.getMessage().contains("timeout"), e.getMessage());
      ps.setQueryTimeout(0);
      try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM big")) {
        assertEquals(List.of(List.of("2000")), TestServers.strings(count.executeQuery()));
      }
    }
  }
}
