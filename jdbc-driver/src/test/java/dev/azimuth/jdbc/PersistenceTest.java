package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data survives restarts and kill -9; one directory, one process; connections share. */
class PersistenceTest {
  @TempDir
  Path dir;

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:file:" + dir);
  }

  @Test
  void catalogAndRowsSurviveRestart() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(5), v VECTOR(2))");
      update(c, "INSERT INTO docs VALUES (1, 'a', '[1,1]'), (2, 'b', '[2,2]'), (3, 'c', NULL)");
      update(c, "DELETE FROM docs WHERE id = 2");
      update(c, "UPDATE docs SET v = '[9,9]' WHERE id = 3");
    }
    try (Connection c = open()) {
      assertEquals(List.of("1|a|[1.0, 1.0]", "3|c|[9.0, 9.0]"),
          text(c, "SELECT * FROM docs ORDER BY id"));
      assertEquals(List.of("3"), text(c, "SELECT id FROM docs ORDER BY v <-> '[8,8]' LIMIT 1"));
      fails("22001", () -> update(c, "INSERT INTO docs VALUES (4, 'toolong', NULL)"));
      update(c, "INSERT INTO docs VALUES (4, 'd', '[4,4]')");
    }
    try (Connection c = open()) {
      assertEquals(List.of("1", "3", "4"), text(c, "SELECT id FROM docs ORDER BY id"));
      update(c, "DROP TABLE docs");
    }
    try (Connection c = open()) {
      fails("42P01", () -> text(c, "SELECT * FROM docs"));
    }
  }

  @Test
  void connectionsInOneProcessShareTheDatabase() throws SQLException {
    try (Connection a = open(); Connection b = open()) {
      update(a, "CREATE TABLE t (id BIGINT PRIMARY KEY)");
      update(a, "INSERT INTO t VALUES (1)");
      assertEquals(List.of("1"), text(b, "SELECT id FROM t"));
      a.close();
      update(b, "INSERT INTO t VALUES (2)");
      assertEquals(List.of("1", "2"), text(b, "SELECT id FROM t ORDER BY id"));
    }
    try (Connection c = open()) {
      assertEquals(List.of("1", "2"), text(c, "SELECT id FROM t ORDER BY id"));
    }
  }

  @Test
  void secondProcessGetsAClearErrorNotCorruption() throws Exception {
    try (Connection c = open()) {
      update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY)");
      update(c, "INSERT INTO t VALUES (1)");
    }
    Process child = ChildDatabase.start("hold", dir);
    try {
      BufferedReader out = ChildDatabase.output(child);
      assertEquals("READY", out.readLine());
      SQLException e = fails("55006", this::open);
      assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
    } finally {
      child.getOutputStream().close();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }
    try (Connection c = open()) {
      assertEquals(List.of("1"), text(c, "SELECT id FROM t"));
    }
  }

  @Test
  void acknowledgedWritesSurviveKillMinus9() throws Exception {
    Process child = ChildDatabase.start("insert", dir);
    long acked = -1;
    BufferedReader out = ChildDatabase.output(child);
    try {
      for (String line; acked < 150 && (line = out.readLine()) != null; ) {
        if (line.startsWith("ACK ")) {
          acked = Long.parseLong(line.substring(4));
        }
      }
    } finally {
      // SIGKILL through the handle: Process.destroyForcibly would also close our end of the
      // pipe, and with it the acknowledgements still in there.
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }
    // The child kept inserting until the kill: its last acknowledgement is the highest it
    // printed, which may still be in the pipe (a line cut by the kill only reads lower).
    for (String line; (line = out.readLine()) != null; ) {
      if (line.matches("ACK \\d+")) {
        acked = Math.max(acked, Long.parseLong(line.substring(4)));
      }
    }
    assertEquals(137, child.exitValue(), "the child died of SIGKILL");
    assertTrue(acked >= 150, "child acknowledged " + acked + " inserts");
    try (Connection c = open()) {
      long count = ((Number) Sql.value(c, "SELECT count(*) FROM acked WHERE id <= ?", acked))
          .longValue();
      assertEquals(acked + 1, count, "every acknowledged insert is there");
      assertEquals(List.of(acked + "|[" + (float) acked + ", " + (float) -acked + "]"),
          text(c, "SELECT id, v FROM acked WHERE id = ?", acked));
      long total = ((Number) Sql.value(c, "SELECT count(*) FROM acked")).longValue();
      assertTrue(total <= acked + 2, "at most the one unacknowledged insert in flight");
      update(c, "INSERT INTO acked VALUES (-1, '[0,0]')");
    }
  }
}
