package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connection's transaction lives on the server: commit, rollback, conflicts, its end. */
class RemoteTransactionsTest {
  @TempDir Path dir;

  private static List<List<String>> ids(Connection c) throws SQLException {
    return TestServers.strings(c, "SELECT id FROM t ORDER BY id");
  }

  private static SQLException fails(String state, TestAction action) {
    SQLException e = assertThrows(SQLException.class, action::run);
    assertEquals(state, e.getSQLState(), e.getMessage());
    return e;
  }

  @FunctionalInterface
  interface TestAction {
    void run() throws SQLException;
  }

  @Test
  void rollbackCommitSavepointsAndConflictsOverTheWire() throws Exception {
    try (AzimuthServer server = TestServers.start(dir);
         Connection a = TestServers.connect(server);
         Connection b = TestServers.connect(server)) {
      TestServers.run(a, "CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER, v VECTOR(2))",
          "INSERT INTO t VALUES (1, 10, '[1,1]')");
      // Prepared before auto-commit goes off: re-running it must not commit on its own.
      try (PreparedStatement insert = a.prepareStatement("INSERT INTO t VALUES (?, 0, ?)")) {
        a.setAutoCommit(false);
        insert.setLong(1, 2);
        insert.setObject(2, new float[] {2, 2});
        insert.executeUpdate();
        assertEquals(List.of(List.of("1"), List.of("2")), ids(a));
        assertEquals(List.of(List.of("1")), ids(b));
        assertEquals("2", TestServers.strings(a,
            "SELECT id FROM t ORDER BY v <-> '[2,2]' LIMIT 1").get(0).get(0),
            "the server-side transaction's own row is searched");
        a.rollback();
        assertEquals(List.of(List.of("1")), ids(a));
        insert.setLong(1, 3);
        insert.executeUpdate();
        Savepoint s = a.setSavepoint("s");
        insert.setLong(1, 4);
        insert.executeUpdate();
        a.rollback(s);
        a.commit();
      }
      assertEquals(List.of(List.of("1"), List.of("3")), ids(b));
      assertEquals(java.sql.Connection.TRANSACTION_REPEATABLE_READ,
          a.getTransactionIsolation());
      assertTrue(a.getMetaData().supportsTransactions());
      b.setAutoCommit(false);
      TestServers.run(a, "UPDATE t SET n = 11 WHERE id = 1");
      TestServers.run(b, "UPDATE t SET n = 12 WHERE id = 1");
      a.commit();
      fails("40001", b::commit);
      assertEquals(List.of(List.of("11")), TestServers.strings(b,
          "SELECT n FROM t WHERE id = 1"));
      a.setAutoCommit(true);
      fails("25P01", a::rollback);
      fails("0A000", () -> a.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
    }
  }

  @Test
  void closingTheConnectionOrRestartingTheServerRollsBack() throws Exception {
    try (AzimuthServer server = TestServers.start(dir)) {
      try (Connection a = TestServers.connect(server)) {
        TestServers.run(a, "CREATE TABLE t (id BIGINT PRIMARY KEY)", "INSERT INTO t VALUES (1)");
        a.setAutoCommit(false);
        TestServers.run(a, "INSERT INTO t VALUES (2)", "DELETE FROM t WHERE id = 1");
      }
      try (Connection a = TestServers.connect(server)) {
        assertEquals(List.of(List.of("1")), ids(a));
        TestServers.run(a, "BEGIN", "INSERT INTO t VALUES (3)");
        assertEquals(List.of(List.of("1"), List.of("3")), ids(a));
      }
      try (Connection a = TestServers.connect(server)) {
        assertEquals(List.of(List.of("1")), ids(a));
      }
    }
    Connection left;
    try (AzimuthServer server = TestServers.start(dir)) {
      left = TestServers.connect(server);
      left.setAutoCommit(false);
      TestServers.run(left, "INSERT INTO t VALUES (5)");
    }
    try (AzimuthServer server = TestServers.start(dir);
         Connection a = TestServers.connect(server)) {
      assertEquals(List.of(List.of("1")), ids(a), "a restart forgets what was not committed");
    }
    try {
      left.close();
    } catch (SQLException e) {
      // The server it talked to is gone.
    }
  }
}
