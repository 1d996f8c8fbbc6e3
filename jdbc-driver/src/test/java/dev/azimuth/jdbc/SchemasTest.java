package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static dev.azimuth.jdbc.Sql.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE SCHEMA / DROP SCHEMA: tables, views and indexes of a schema, kept apart from PUBLIC. */
class SchemasTest {
  @TempDir Path dir;

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:file:" + dir + "/db;seal_rows=30;import_dir="
        + dir);
  }

  @Test
  void tablesOfASchemaAreApartFromPublicOnesAndSurviveRestart() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE SCHEMA shop");
      fails("42P06", () -> update(c, "CREATE SCHEMA shop"));
      fails("42P06", () -> update(c, "CREATE SCHEMA Shop"));
      update(c, "CREATE SCHEMA IF NOT EXISTS shop");
      fails("42P06", () -> update(c, "CREATE SCHEMA public"));
      update(c, "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(20))");
      update(c, "CREATE TABLE shop.items (id BIGINT PRIMARY KEY, name VARCHAR(20), "
          + "v VECTOR(2))");
      update(c, "INSERT INTO items VALUES (1, 'public one')");
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        values.append(i == 0 ? "" : ", ").append('(').append(i).append(", 'item").append(i)
            .append("', '[").append(i).append(",1]')");
      }
      update(c, "INSERT INTO shop.items VALUES " + values);
      update(c, "CREATE INDEX shop_items_v ON shop.items USING HNSW (v)");
      assertEquals(1L, value(c, "SELECT COUNT(*) FROM items"));
      assertEquals(1L, value(c, "SELECT COUNT(*) FROM public.items"));
      assertEquals(100L, value(c, "SELECT COUNT(*) FROM shop.items"));
      String knn = "SELECT id FROM shop.items ORDER BY v <-> '[41.2,1]' LIMIT 2";
      assertEquals(List.of("41", "42"), text(c, knn));
      assertTrue(String.join("\n", text(c, "EXPLAIN PLAN FOR " + knn))
          .contains("AzimuthVectorSearch"), "a search in a schema uses the index");
      assertEquals(List.of("public one|item1"), text(c, "SELECT p.name, s.name FROM items p "
          + "JOIN shop.items s ON p.id = s.id"));
      fails("3F000", () -> update(c, "CREATE TABLE nowhere.t (id INT PRIMARY KEY)"));
      fails("42P01", () -> text(c, "SELECT * FROM nowhere.t"));
      fails("42P07", () -> update(c, "CREATE TABLE shop.items (id INT PRIMARY KEY)"));

      update(c, "UPDATE shop.items SET name = 'changed' WHERE id = 5");
      update(c, "DELETE FROM shop.items WHERE id >= 90");
      c.setAutoCommit(false);
      update(c, "INSERT INTO items VALUES (2, 'in txn')");
      update(c, "INSERT INTO shop.items VALUES (200, 'in txn', '[0,0]')");
      c.rollback();
      c.setAutoCommit(true);
      assertEquals(90L, value(c, "SELECT COUNT(*) FROM shop.items"));
      assertEquals(1L, value(c, "SELECT COUNT(*) FROM items"));

      update(c, "CREATE VIEW shop.cheap AS SELECT id, name FROM shop.items WHERE id < 10");
      update(c, "CREATE VIEW shop.mixed AS SELECT s.id FROM items p JOIN shop.items s "
          + "ON p.id = s.id");
      assertEquals(List.of("changed"), text(c, "SELECT name FROM shop.cheap WHERE id = 5"));
      assertEquals(List.of("1"), text(c, "SELECT id FROM shop.mixed"),
          "unqualified names in a view resolve in PUBLIC, as when it was created");

      update(c, "CREATE TABLE shop.copy AS SELECT id, name FROM shop.items WHERE id < 3");
      assertEquals(List.of("0", "1", "2"), text(c, "SELECT id FROM shop.copy ORDER BY id"));
      assertEquals(3, update(c, "COPY shop.copy TO 'copy.csv' WITH (HEADER)"));
      update(c, "CREATE TABLE shop.back (id BIGINT PRIMARY KEY, name VARCHAR(20))");
      assertEquals(3, update(c, "COPY shop.back FROM 'copy.csv' WITH (HEADER)"));
      assertEquals(List.of("0|item0", "1|item1", "2|item2"),
          text(c, "SELECT id, name FROM shop.back ORDER BY id"));
      update(c, "ALTER TABLE shop.back RENAME TO returned");
      assertEquals(3L, value(c, "SELECT COUNT(*) FROM shop.returned"),
          "a renamed table stays in its schema");
      fails("42P01", () -> text(c, "SELECT * FROM returned"));
    }
    try (Connection c = open()) {
      assertEquals(90L, value(c, "SELECT COUNT(*) FROM shop.items"), "schemas survive restart");
      assertEquals(List.of("changed"), text(c, "SELECT name FROM shop.cheap WHERE id = 5"));
      assertEquals(List.of("41", "42"),
          text(c, "SELECT id FROM shop.items ORDER BY v <-> '[41.2,1]' LIMIT 2"));
      assertEquals(1L, value(c, "SELECT COUNT(*) FROM items"));
    }
  }

  @Test
  void dropSchemaRefusesWhileItHoldsObjectsUnlessCascade() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE SCHEMA a");
      update(c, "CREATE SCHEMA b");
      update(c, "CREATE TABLE a.t (id INT PRIMARY KEY)");
      update(c, "CREATE VIEW a.w AS SELECT id FROM a.t");
      update(c, "CREATE TABLE t (id INT PRIMARY KEY)");
      update(c, "INSERT INTO t VALUES (7)");
      SQLException e = fails("2BP01", () -> update(c, "DROP SCHEMA a"));
      assertTrue(e.getMessage().contains("CASCADE"), e.getMessage());
      assertEquals(0L, value(c, "SELECT COUNT(*) FROM a.t"), "a refused drop keeps the table");
      update(c, "DROP SCHEMA b");
      fails("3F000", () -> update(c, "DROP SCHEMA b"));
      update(c, "DROP SCHEMA IF EXISTS b");
      fails("0A000", () -> update(c, "DROP SCHEMA public"));
      update(c, "DROP SCHEMA a CASCADE");
      fails("42P01", () -> text(c, "SELECT * FROM a.t"));
      fails("42P01", () -> text(c, "SELECT * FROM a.w"));
      assertEquals(1L, value(c, "SELECT COUNT(*) FROM t"), "PUBLIC's t is another table");
      update(c, "CREATE SCHEMA a");
      update(c, "CREATE TABLE a.t (id INT PRIMARY KEY)");
      assertEquals(0L, value(c, "SELECT COUNT(*) FROM a.t"), "a new schema starts empty");
    }
    try (Connection c = open()) {
      assertEquals(List.of("A", "INFORMATION_SCHEMA", "PUBLIC", "SYS"), text(c,
          "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"));
    }
  }

  @Test
  void metadataNamesTheSchemaOfEachTable() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE SCHEMA s");
      update(c, "CREATE TABLE s.t (id INT PRIMARY KEY, v VECTOR(2))");
      update(c, "CREATE TABLE t (k INT PRIMARY KEY, label VARCHAR(5))");
      update(c, "CREATE VIEW s.w AS SELECT id FROM s.t");
      update(c, "CREATE INDEX s_t_v ON s.t USING HNSW (v)");
      assertEquals(List.of("PUBLIC|T|BASE TABLE", "S|T|BASE TABLE", "S|W|VIEW"), text(c,
          "SELECT table_schema, table_name, table_type FROM information_schema.tables "
              + "ORDER BY table_schema, table_name"));
      assertEquals(List.of("S|T|ID|1", "S|T|V|2"), text(c, "SELECT table_schema, table_name, "
          + "column_name, ordinal_position FROM information_schema.columns "
          + "WHERE table_schema = 'S' AND table_name = 'T' ORDER BY ordinal_position"));
      assertEquals(List.of("S|T|ID"), text(c, "SELECT table_schema, table_name, column_name "
          + "FROM information_schema.key_column_usage WHERE table_schema = 'S'"));

      DatabaseMetaData md = c.getMetaData();
      assertEquals(List.of("PUBLIC", "S"), column(md.getSchemas(), "TABLE_SCHEM"));
      assertEquals(List.of("S.T", "S.W"), qualified(md.getTables(null, "S", "%", null)));
      assertEquals(List.of("PUBLIC.T", "S.T", "S.W"),
          qualified(md.getTables(null, null, "%", null)));
      assertEquals(List.of("ID", "V"), column(md.getColumns(null, "S", "T", "%"),
          "COLUMN_NAME"));
      assertEquals(List.of("K", "LABEL"), column(md.getColumns(null, "PUBLIC", "T", "%"),
          "COLUMN_NAME"));
      assertEquals(List.of("S.T.ID"), keys(md.getPrimaryKeys(null, "S", "T")));
      assertEquals(List.of("PUBLIC.T.K"), keys(md.getPrimaryKeys(null, "PUBLIC", "T")));
      assertEquals(List.of("PUBLIC.T.K", "S.T.ID"), keys(md.getPrimaryKeys(null, null, "T")));
      assertEquals(List.of(), keys(md.getPrimaryKeys(null, "NOPE", "T")));
      List<String> indexes = new ArrayList<>();
      try (ResultSet rs = md.getIndexInfo(null, "S", "T", false, false)) {
        while (rs.next()) {
          indexes.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + ":"
              + rs.getString("INDEX_NAME"));
        }
      }
      assertEquals(List.of("S.T:T_PKEY", "S.T:S_T_V"), indexes);
    }
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(name));
      }
    }
    return out;
  }

  private static List<String> qualified(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
      }
    }
    return out;
  }

  private static List<String> keys(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + "."
            + rs.getString("COLUMN_NAME"));
      }
    }
    return out;
  }
}
