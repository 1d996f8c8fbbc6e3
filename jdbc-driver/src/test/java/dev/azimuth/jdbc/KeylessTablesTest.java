package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static dev.azimuth.jdbc.Sql.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables without a declared primary key: rows keyed by a hidden row id, as PostgreSQL's. */
class KeylessTablesTest {
  @TempDir Path dir;

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:file:" + dir + ";seal_rows=50;import_dir="
        + dir.resolve("import"));
  }

  @Test
  void rowsWithoutAKeyAreInsertedUpdatedDeletedAndSearched() throws Exception {
    try (Connection c = open()) {
      update(c, "CREATE TABLE notes (body VARCHAR(20), v VECTOR(2))");
      update(c, "INSERT INTO notes VALUES ('a', '[1,0]'), ('a', '[1,0]'), ('b', '[0,1]')");
      assertEquals(List.of("a|[1.0, 0.0]", "a|[1.0, 0.0]", "b|[0.0, 1.0]"),
          text(c, "SELECT * FROM notes ORDER BY body"), "duplicates are fine; * hides the id");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO notes (v, body) VALUES (?, ?)")) {
        for (int i = 0; i < 120; i++) {
          ps.setObject(1, new float[] {i, i});
          ps.setString(2, "n" + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      update(c, "CREATE INDEX notes_v ON notes USING HNSW (v)");
      assertEquals(List.of("n50"), text(c, "SELECT body FROM notes ORDER BY v <-> '[50,50]' "
          + "LIMIT 1"));
      assertEquals(2, update(c, "UPDATE notes SET body = 'c' WHERE body = 'a'"));
      assertEquals(1, update(c, "DELETE FROM notes WHERE body = 'b'"));
      assertEquals(2L, value(c, "SELECT COUNT(*) FROM notes WHERE body = 'c'"));
      List<String> ids = text(c, "SELECT \"$ROWID\" FROM notes WHERE body = 'c' ORDER BY 1");
      assertEquals(2, ids.size(), "the row id can be named, as ctid can");
      c.setAutoCommit(false);
      update(c, "INSERT INTO notes VALUES ('tx', '[9,9]')");
      assertEquals(123L, value(c, "SELECT COUNT(*) FROM notes"));
      c.rollback();
      c.setAutoCommit(true);
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "NOTES", null)) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME"));
        }
      }
      assertEquals(List.of("BODY", "V"), columns, "metadata shows no row id");
      try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "PUBLIC", "NOTES")) {
        assertEquals(false, rs.next(), "and no primary key");
      }
      assertEquals(0L, value(c, "SELECT COUNT(*) FROM information_schema.table_constraints "
          + "WHERE table_name = 'NOTES'"));
      update(c, "ALTER TABLE notes ADD COLUMN n INTEGER DEFAULT 3");
      update(c, "INSERT INTO notes VALUES ('after', '[2,2]', 4)");
      assertEquals(List.of("after|4"), text(c, "SELECT body, n FROM notes WHERE body = 'after'"));
      fails("0A000", () -> update(c, "ALTER TABLE notes DROP COLUMN \"$ROWID\""));
      fails("42P16", () -> update(c, "CREATE TABLE bad (\"$ROWID\" BIGINT)"));
      Files.createDirectories(dir.resolve("import"));
      Files.writeString(dir.resolve("import/more.csv"), "body,v,n\nx,\"[1,1]\",1\ny,\"[2,2]\",2\n");
      assertEquals(2, update(c, "COPY notes FROM 'more.csv' WITH (FORMAT csv, HEADER)"));
      update(c, "COPY notes TO 'out.csv' WITH (FORMAT csv, HEADER)");
      assertEquals("\"BODY\",\"V\",\"N\"", Files.readAllLines(dir.resolve("import/out.csv")).get(0));
    }
    try (Connection c = open()) {
      assertEquals(125L, value(c, "SELECT COUNT(*) FROM notes"));
      update(c, "INSERT INTO notes (body) VALUES ('restarted')");
      assertEquals(1L, value(c, "SELECT COUNT(DISTINCT \"$ROWID\") FROM notes WHERE body = "
          + "'restarted'"));
      assertEquals(126L, value(c, "SELECT COUNT(DISTINCT \"$ROWID\") FROM notes"),
          "ids stay unique across restarts");
    }
  }

  @Test
  void createTableAsSelect() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE TABLE src (id BIGINT PRIMARY KEY, cat INTEGER, v VECTOR(2))");
      update(c, "INSERT INTO src VALUES (1, 1, '[1,0]'), (2, 2, '[2,0]'), (3, 1, '[3,0]')");
      assertEquals(2, update(c, "CREATE TABLE picked AS SELECT id AS source_id, v, "
          + "'copied' AS how FROM src WHERE cat = 1"));
      assertEquals(List.of("1|[1.0, 0.0]|copied", "3|[3.0, 0.0]|copied"),
          text(c, "SELECT * FROM picked ORDER BY source_id"));
      update(c, "CREATE INDEX picked_v ON picked USING HNSW (v)");
      assertEquals(List.of("3"), text(c, "SELECT source_id FROM picked ORDER BY v <-> '[4,0]' "
          + "LIMIT 1"));
      fails("42P07", () -> update(c, "CREATE TABLE picked AS SELECT 1 AS x"));
      assertEquals(0, update(c, "CREATE TABLE IF NOT EXISTS picked AS SELECT 1 AS x"));
      fails("22012", () -> update(c, "CREATE TABLE broken AS SELECT 1 / (cat - cat) AS x FROM src"));
      fails("42P01", () -> text(c, "SELECT * FROM broken"));
      update(c, "INSERT INTO picked VALUES (9, '[9,9]', 'later')");
      assertEquals(3L, value(c, "SELECT COUNT(*) FROM picked"));
    }
  }
}
