package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Views (also in vector searches), and the catalog through INFORMATION_SCHEMA and JDBC. */
class ViewsAndInformationSchemaTest {
  @TempDir Path dir;

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:file:" + dir + ";seal_rows=40");
  }

  private static void load(Connection c) throws SQLException {
    update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, cat INTEGER NOT NULL DEFAULT 0, "
        + "title VARCHAR(30), v VECTOR(2))");
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      values.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(i % 3)
          .append(", 't").append(i).append("', '[").append(i).append(",0]')");
    }
    update(c, "INSERT INTO docs VALUES " + values);
    update(c, "CREATE INDEX docs_v ON docs USING HNSW (v)");
  }

  @Test
  void viewsWorkInQueriesAndVectorSearchesAndSurviveRestart() throws SQLException {
    try (Connection c = open()) {
      load(c);
      update(c, "CREATE VIEW cat1 AS SELECT id, title, v FROM docs WHERE cat = 1");
      update(c, "CREATE VIEW named (key, label) AS SELECT id, UPPER(title) FROM docs");
      assertEquals(40L, Sql.value(c, "SELECT COUNT(*) FROM cat1"));
      assertEquals(List.of("T7"), text(c, "SELECT label FROM named WHERE key = 7"));
      String knn = "SELECT id FROM cat1 ORDER BY v <-> '[50.2,0]' LIMIT 3";
      assertEquals(List.of("49", "52", "46"), text(c, knn));
      assertTrue(String.join("\n", text(c, "EXPLAIN PLAN FOR " + knn))
          .contains("AzimuthVectorSearch"), "a search through a view is a vector search");
      assertEquals(List.of("1|T1"), text(c, "SELECT c.id, n.label FROM cat1 c JOIN named n "
          + "ON c.id = n.key WHERE c.id < 3"));
      update(c, "CREATE OR REPLACE VIEW cat1 AS SELECT id, title, v FROM docs WHERE cat = 2");
      assertEquals(List.of("50"), text(c, "SELECT id FROM cat1 ORDER BY v <-> '[50.2,0]' "
          + "LIMIT 1"));
      fails("42P07", () -> update(c, "CREATE VIEW cat1 AS SELECT 1 AS x"));
      fails("42P07", () -> update(c, "CREATE VIEW docs AS SELECT 1 AS x"));
      fails("42P07", () -> update(c, "CREATE TABLE named (id BIGINT PRIMARY KEY)"));
      fails("42809", () -> update(c, "DROP TABLE named"));
      fails("42809", () -> update(c, "DROP VIEW docs"));
      fails("42601", () -> update(c, "CREATE VIEW bad (a, b) AS SELECT id FROM docs"));
    }
    try (Connection c = open()) {
      assertEquals(List.of("50"), text(c, "SELECT id FROM cat1 ORDER BY v <-> '[50.2,0]' "
          + "LIMIT 1"), "views survive a restart");
      update(c, "DROP VIEW named");
      update(c, "DROP VIEW IF EXISTS named");
      fails("42P01", () -> update(c, "DROP VIEW named"));
      fails("42P01", () -> text(c, "SELECT * FROM named"));
    }
  }

  @Test
  void informationSchemaAndJdbcMetadataDescribeTablesViewsAndKeys() throws SQLException {
    try (Connection c = open()) {
      load(c);
      update(c, "CREATE VIEW cat1 AS SELECT id, title FROM docs WHERE cat = 1");
      assertEquals(List.of("CAT1|VIEW", "DOCS|BASE TABLE"), text(c, "SELECT table_name, "
          + "table_type FROM information_schema.tables WHERE table_schema = 'PUBLIC' "
          + "ORDER BY table_name"));
      assertEquals(List.of("ID|1|NO|BIGINT|null|null", "CAT|2|NO|INTEGER|0|null",
          "TITLE|3|YES|CHARACTER VARYING|null|30", "V|4|YES|VECTOR|null|null"),
          text(c, "SELECT column_name, ordinal_position, is_nullable, data_type, "
              + "column_default, character_maximum_length FROM information_schema.columns "
              + "WHERE table_name = 'DOCS' ORDER BY ordinal_position"));
      assertEquals(List.of("2"), text(c, "SELECT vector_dimensions FROM information_schema"
          + ".columns WHERE table_name = 'DOCS' AND column_name = 'V'"));
      assertEquals(List.of("CAT1|SELECT id, title FROM docs WHERE cat = 1"),
          text(c, "SELECT table_name, view_definition FROM information_schema.views"));
      assertEquals(List.of("DOCS_PKEY|PRIMARY KEY|ID|1"), text(c, "SELECT tc.constraint_name, "
          + "tc.constraint_type, k.column_name, k.ordinal_position FROM "
          + "information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
          + "ON tc.constraint_name = k.constraint_name WHERE tc.table_name = 'DOCS'"));
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
        }
      }
      assertEquals(List.of("DOCS:TABLE", "CAT1:VIEW"), tables);
      List<String> viewColumns = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "CAT1", null)) {
        while (rs.next()) {
          viewColumns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME"));
        }
      }
      assertEquals(List.of("ID:BIGINT", "TITLE:VARCHAR"), viewColumns);
    }
  }
}
