package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

/** {@code Statement.cancel()} from another thread stops a statement that is running. */
class CancelTest {
  /** Enough rows that each scan of the table polls the cancel flag (every 4096 rows). */
  private static final int ROWS = 5000;
  /** 5000³ row combinations: it would run for hours if the cancel were ignored. */
  private static final String ENDLESS = "SELECT COUNT(*) FROM big a, big b, big c";

  private static Connection c;
  /** Whether a statement ignored its cancel and still runs: then nothing can be closed. */
  private static volatile boolean stuck;
  private static final ExecutorService runner = daemon("cancel-test-query");
  private static final ExecutorService canceller = daemon("cancel-test-cancel");

  @BeforeAll
  static void load() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE big (id BIGINT PRIMARY KEY)");
    update(c, "INSERT INTO big VALUES (1)");
    for (int have = 1; have < ROWS; have *= 2) {
      update(c, "INSERT INTO big SELECT id + " + have + " FROM big WHERE id + " + have
          + " <= " + ROWS);
    }
    assertEquals(List.of(String.valueOf(ROWS)), text(c, "SELECT COUNT(*) FROM big"));
  }

  private static ExecutorService daemon(String name) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  @AfterAll
  static void close() throws SQLException {
    runner.shutdownNow();
    canceller.shutdownNow();
    if (!stuck) {
      c.close();
    }
  }

  @Test
  void cancelStopsARunningStatement() throws Exception {
    Statement statement = c.createStatement();
    assertCancelled(runner.submit(() -> statement.executeQuery(ENDLESS)), statement);
    statement.close();
    assertEquals(List.of("1"), text(c, "SELECT COUNT(*) FROM big WHERE id = 7"),
        "the connection stays usable");
  }

  @Test
  void cancelStopsARunningPreparedStatement() throws Exception {
    PreparedStatement statement = c.prepareStatement(ENDLESS);
    assertCancelled(runner.submit(() -> statement.executeQuery()), statement);
    statement.close();
    try (PreparedStatement quick = c.prepareStatement("SELECT COUNT(*) FROM big")) {
      assertEquals(List.of(String.valueOf(ROWS)), Sql.read(quick.executeQuery()).stream()
          .map(row -> String.valueOf(row.get(0))).toList());
    }
  }

  /**
   * Cancels until the statement gives up: the first cancel may come before it started (a cancel
   * with nothing running does nothing). Cancels come from their own thread, so that a cancel()
   * blocking until the statement ends fails the test instead of hanging it; the statement is
   * then left running, unclosed (closing would wait for it too), and so is the connection.
   */
  private static void assertCancelled(Future<?> running, Statement statement) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Future<?> cancel = null;
    while (!running.isDone() && System.nanoTime() < deadline) {
      if (cancel == null || cancel.isDone()) {
        cancel = canceller.submit(() -> {
          statement.cancel();
          return null;
        });
      }
      Thread.sleep(200);
    }
    stuck |= !running.isDone();
    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> running.get(1, TimeUnit.SECONDS), "the statement was not cancelled in 120 s");
    SQLException e = assertInstanceOf(SQLException.class, failure.getCause());
    assertEquals("57014", e.getSQLState(), e.getMessage());
  }
}
