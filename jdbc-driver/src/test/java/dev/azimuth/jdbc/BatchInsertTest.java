package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code executeBatch} of a prepared statement: the rows of INSERT/UPSERT executions are written
 * together, atomically; statements that read tables keep their one-by-one meaning.
 */
class BatchInsertTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, v VECTOR(2))");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private int[] insert(String sql, int... ids) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int id : ids) {
        ps.setInt(1, id);
        ps.setInt(2, id * 10);
        ps.setObject(3, new float[] {id, -id});
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  @Test
  void insertsOfABatchAreWrittenTogether() throws SQLException {
    assertArrayEquals(new int[] {1, 1, 1}, insert("INSERT INTO t VALUES (?, ?, ?)", 3, 1, 2));
    assertEquals(List.of("1|10|[1.0, -1.0]", "2|20|[2.0, -2.0]", "3|30|[3.0, -3.0]"),
        text(c, "SELECT * FROM t ORDER BY id"));
  }

  @Test
  void aBatchWithADuplicateKeyWritesNone() throws SQLException {
    insert("INSERT INTO t VALUES (?, ?, ?)", 5);
    SQLException e = fails("23505", () -> insert("INSERT INTO t VALUES (?, ?, ?)", 1, 5, 2));
    assertEquals(true, e.getMessage().contains("ID = 5"), e.getMessage());
    fails("23505", () -> insert("INSERT INTO t VALUES (?, ?, ?)", 7, 8, 7));
    assertEquals(List.of("5|50|[5.0, -5.0]"), text(c, "SELECT * FROM t"));
  }

  @Test
  void upsertsInOneBatchApplyInOrder() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPSERT INTO t VALUES (?, ?, NULL)")) {
      for (int[] row : new int[][] {{1, 1}, {2, 2}, {1, 3}}) {
        ps.setInt(1, row[0]);
        ps.setInt(2, row[1]);
        ps.addBatch();
      }
      assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
    }
    assertEquals(List.of("1|3|null", "2|2|null"), text(c, "SELECT * FROM t ORDER BY id"));
  }

  @Test
  void statementsThatReadKeepTheirOneByOneMeaning() throws SQLException {
    insert("INSERT INTO t VALUES (?, ?, ?)", 1, 2);
    try (PreparedStatement ps = c.prepareStatement("UPDATE t SET n = n + 1 WHERE id = ?")) {
      for (int id : new int[] {1, 1, 2}) {
        ps.setInt(1, id);
        ps.addBatch();
      }
      assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
    }
    // The second execution reads the row the first inserted.
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO t SELECT id * 10, ?, NULL FROM t WHERE id = ?")) {
      for (int[] p : new int[][] {{7, 1}, {8, 10}}) {
        ps.setInt(1, p[0]);
        ps.setInt(2, p[1]);
        ps.addBatch();
      }
      assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
    }
    assertEquals(List.of("1|12|[1.0, -1.0]", "2|21|[2.0, -2.0]", "10|7|null", "100|8|null"),
        text(c, "SELECT * FROM t ORDER BY id"));
  }
}
