package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static dev.azimuth.jdbc.Sql.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE, TRUNCATE and DEFAULT, on tables with sealed, indexed segments, across restarts. */
class AlterTableTest {
  @TempDir Path dir;

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:file:" + dir + ";seal_rows=100");
  }

  private static void load(Connection c, int rows) throws SQLException {
    update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(20), n INTEGER, "
        + "v VECTOR(2))");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        ps.setLong(1, i);
        ps.setString(2, "t" + i);
        ps.setInt(3, i % 7);
        ps.setObject(4, new float[] {i, 0});
        ps.addBatch();
      }
      ps.executeBatch();
    }
    update(c, "CREATE INDEX docs_v ON docs USING HNSW (v)");
  }

  @Test
  void addColumnWithDefaultReachesOldRowsWithoutRewritingThemAndSurvivesRestart()
      throws SQLException {
    try (Connection c = open()) {
      load(c, 350);
      update(c, "ALTER TABLE docs ADD COLUMN score DOUBLE DEFAULT 0.5");
      update(c, "ALTER TABLE docs ADD tag VARCHAR(10) NOT NULL DEFAULT 'new'");
      update(c, "ALTER TABLE docs ADD COLUMN w VECTOR(3)");
      assertEquals(List.of("0.5|new|true"),
          text(c, "SELECT DISTINCT score, tag, w IS NULL FROM docs"));
      update(c, "INSERT INTO docs (id, title, n, v) VALUES (1000, 'x', 1, '[5,5]')");
      assertEquals(List.of("0.5|new"), text(c, "SELECT score, tag FROM docs WHERE id = 1000"));
      update(c, "UPDATE docs SET w = '[1,2,3]', score = n WHERE id < 150");
      update(c, "CREATE INDEX docs_w ON docs USING HNSW (w)");
      assertEquals(150L, value(c, "SELECT COUNT(*) FROM docs WHERE w IS NOT NULL"));
      assertEquals(List.of("10"), text(c, "SELECT id FROM docs ORDER BY v <-> '[10.2,0]' "
          + "LIMIT 1"), "the other vector column's index still serves");
      fails("23502", () -> update(c, "ALTER TABLE docs ADD COLUMN must INTEGER NOT NULL"));
      fails("42701", () -> update(c, "ALTER TABLE docs ADD COLUMN n INTEGER"));
      update(c, "ALTER TABLE docs ADD COLUMN IF NOT EXISTS n INTEGER");
    }
    try (Connection c = open()) {
      assertEquals(351L, value(c, "SELECT COUNT(*) FROM docs"));
      assertEquals(List.of("0.5|new"), text(c, "SELECT score, tag FROM docs WHERE id = 300"));
      assertEquals(List.of("3.0|[1.0, 2.0, 3.0]"),
          text(c, "SELECT score, w FROM docs WHERE id = 10"));
      assertEquals(List.of("10"), text(c, "SELECT id FROM docs ORDER BY v <-> '[10.2,0]' "
          + "LIMIT 1"));
    }
  }

  @Test
  void dropRenameAndNotNullKeepTheOtherColumnsAndIndexes() throws SQLException {
    try (Connection c = open()) {
      load(c, 250);
      update(c, "ALTER TABLE docs DROP COLUMN title");
      assertEquals(List.of("ID", "N", "V"), columns(c));
      assertEquals(List.of("12|5"), text(c, "SELECT id, n FROM docs ORDER BY v <-> '[12,0]' "
          + "LIMIT 1"), "the index on a later column follows it");
      assertTrue(String.join("", text(c, "EXPLAIN PLAN FOR SELECT id FROM docs ORDER BY "
          + "v <-> '[1,0]' LIMIT 1")).contains("DOCS_V"));
      update(c, "ALTER TABLE docs RENAME COLUMN n TO bucket");
      update(c, "ALTER TABLE docs RENAME TO items");
      assertEquals(List.of("3"), text(c, "SELECT bucket FROM items WHERE id = 10"));
      fails("42P01", () -> text(c, "SELECT * FROM docs"));
      update(c, "INSERT INTO items (id, v) VALUES (900, '[1,1]')");
      fails("23502", () -> update(c, "ALTER TABLE items ALTER COLUMN bucket SET NOT NULL"));
      update(c, "DELETE FROM items WHERE bucket IS NULL");
      update(c, "ALTER TABLE items ALTER bucket SET NOT NULL");
      fails("23502", () -> update(c, "INSERT INTO items (id, v) VALUES (901, '[1,1]')"));
      update(c, "ALTER TABLE items ALTER COLUMN bucket SET DEFAULT 42");
      update(c, "INSERT INTO items (id, v) VALUES (901, '[1,1]')");
      assertEquals(42, value(c, "SELECT bucket FROM items WHERE id = 901"));
      update(c, "ALTER TABLE items ALTER COLUMN bucket DROP DEFAULT");
      update(c, "ALTER TABLE items ALTER COLUMN bucket DROP NOT NULL");
      update(c, "INSERT INTO items (id, v) VALUES (902, '[1,1]')");
      update(c, "ALTER TABLE items DROP COLUMN v");
      assertEquals(0L, value(c, "SELECT COUNT(*) FROM sys.indexes WHERE index_name = 'DOCS_V'"),
          "a dropped column's index goes with it");
      fails("0A000", () -> update(c, "ALTER TABLE items DROP COLUMN id"));
      fails("42703", () -> update(c, "ALTER TABLE items DROP COLUMN nope"));
      update(c, "ALTER TABLE items DROP COLUMN IF EXISTS nope");
      update(c, "ALTER TABLE IF EXISTS nothing DROP COLUMN x");
    }
    try (Connection c = open()) {
      assertEquals(List.of("ID", "BUCKET"), columns(c, "ITEMS"));
      assertEquals(List.of("10|3", "901|42", "902|null"),
          text(c, "SELECT id, bucket FROM items WHERE id IN (10, 901, 902) ORDER BY id"));
      assertEquals(252L, value(c, "SELECT COUNT(*) FROM items"));
    }
  }

  @Test
  void defaultsInCreateTableAndTruncate() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER DEFAULT -1, "
          + "s VARCHAR(10) DEFAULT 'none' NOT NULL, d DATE DEFAULT DATE '2024-01-02', "
          + "x DECIMAL(5,2) DEFAULT 1.5, v VECTOR(2))");
      update(c, "INSERT INTO t (id) VALUES (1)");
      update(c, "INSERT INTO t VALUES (2, DEFAULT, 'given', DEFAULT, DEFAULT, NULL)");
      assertEquals(List.of("1|-1|none|2024-01-02|1.50", "2|-1|given|2024-01-02|1.50"),
          text(c, "SELECT id, n, s, d, x FROM t ORDER BY id"));
      fails("42804", () -> update(c, "CREATE TABLE bad (id BIGINT PRIMARY KEY, n INTEGER "
          + "DEFAULT TRUE)"));
      fails("0A000", () -> update(c, "CREATE TABLE bad (id BIGINT PRIMARY KEY, n TIMESTAMP "
          + "DEFAULT CURRENT_TIMESTAMP)"));
      fails("22003", () -> update(c, "CREATE TABLE bad (id BIGINT PRIMARY KEY, n INTEGER "
          + "DEFAULT 99999999999)"));
      load(c, 230);
      update(c, "TRUNCATE TABLE docs");
      assertEquals(0L, value(c, "SELECT COUNT(*) FROM docs"));
      update(c, "INSERT INTO docs VALUES (1, 'a', 1, '[1,1]')");
      assertEquals(List.of("1"), text(c, "SELECT id FROM docs ORDER BY v <-> '[0,0]' LIMIT 5"));
      assertEquals(1L, value(c, "SELECT COUNT(*) FROM sys.indexes WHERE index_name = 'DOCS_V'"));
      update(c, "TRUNCATE t");
      fails("42P01", () -> update(c, "TRUNCATE nope"));
    }
    try (Connection c = open()) {
      assertEquals(List.of("1"), text(c, "SELECT id FROM docs"));
      assertEquals(0L, value(c, "SELECT COUNT(*) FROM t"));
      update(c, "INSERT INTO t (id) VALUES (5)");
      assertEquals("none", value(c, "SELECT s FROM t"), "defaults survive a restart");
    }
  }

  @Test
  void aTransactionOlderThanAnAlterFailsWith40001() throws SQLException {
    try (Connection c = open(); Connection d = open()) {
      load(c, 10);
      d.setAutoCommit(false);
      update(d, "UPDATE docs SET n = 100 WHERE id = 1");
      update(c, "ALTER TABLE docs ADD COLUMN extra INTEGER");
      fails("40001", d::commit);
      assertEquals(1, value(c, "SELECT n FROM docs WHERE id = 1"));
      d.setAutoCommit(true);
      update(d, "UPDATE docs SET extra = 7 WHERE id = 1");
      assertEquals(7, value(c, "SELECT extra FROM docs WHERE id = 1"));
    }
  }

  private static List<String> columns(Connection c) throws SQLException {
    return columns(c, "DOCS");
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (var rs = c.getMetaData().getColumns(null, "PUBLIC", table, null)) {
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME"));
      }
    }
    return out;
  }
}
