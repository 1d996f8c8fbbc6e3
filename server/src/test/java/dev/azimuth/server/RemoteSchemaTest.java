package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema changes, views, keys and the catalog views work over the wire as embedded. */
class RemoteSchemaTest {
  @TempDir Path dir;

  @Test
  void alterViewsKeysAndInformationSchemaOverAServer() throws Exception {
    try (AzimuthServer server = TestServers.start(dir);
         Connection c = TestServers.connect(server)) {
      TestServers.run(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(20) UNIQUE, "
              + "v VECTOR(2))",
          "INSERT INTO docs VALUES (1, 'a', '[1,0]'), (2, 'b', '[0,1]')",
          "ALTER TABLE docs ADD COLUMN lang VARCHAR(5) DEFAULT 'en'",
          "CREATE VIEW en AS SELECT id, title, v FROM docs WHERE lang = 'en'",
          "CREATE TABLE notes (body VARCHAR(10))",
          "INSERT INTO notes VALUES ('x'), ('x')");
      assertEquals(List.of(List.of("1", "en"), List.of("2", "en")),
          TestServers.strings(c, "SELECT id, lang FROM docs ORDER BY id"));
      assertEquals(List.of(List.of("2")),
          TestServers.strings(c, "SELECT id FROM en ORDER BY v <-> '[0,1]' LIMIT 1"));
      SQLException dup = assertThrows(SQLException.class,
          () -> TestServers.run(c, "INSERT INTO docs VALUES (3, 'a', NULL, 'de')"));
      assertEquals("23505", dup.getSQLState());
      assertEquals(List.of(List.of("x"), List.of("x")),
          TestServers.strings(c, "SELECT * FROM notes"));
      assertEquals(List.of(List.of("DOCS", "BASE TABLE"), List.of("EN", "VIEW"),
          List.of("NOTES", "BASE TABLE")), TestServers.strings(c, "SELECT table_name, "
              + "table_type FROM information_schema.tables ORDER BY table_name"));
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
        }
      }
      assertEquals(List.of("DOCS:TABLE", "NOTES:TABLE", "EN:VIEW"), tables);
      c.setAutoCommit(false);
      SQLException ddl = assertThrows(SQLException.class,
          () -> TestServers.run(c, "ALTER TABLE docs DROP COLUMN lang"));
      assertEquals("25001", ddl.getSQLState());
      c.setAutoCommit(true);
      TestServers.run(c, "ALTER TABLE docs DROP COLUMN lang", "TRUNCATE notes");
      assertEquals(List.of(List.of("0")), TestServers.strings(c, "SELECT COUNT(*) FROM notes"));
    }
  }

  @Test
  void schemasAndBtreeIndexesOverAServer() throws Exception {
    try (AzimuthServer server = TestServers.start(dir);
         Connection c = TestServers.connect(server)) {
      TestServers.run(c, "CREATE SCHEMA shop",
          "CREATE TABLE shop.items (id BIGINT PRIMARY KEY, cat INTEGER, price DOUBLE, "
              + "v VECTOR(2))",
          "INSERT INTO shop.items VALUES (1, 1, 9.5, '[1,0]'), (2, 2, 3.0, '[0,1]'), "
              + "(3, 1, 4.0, '[1,1]'), (4, 1, NULL, '[2,2]')",
          "CREATE INDEX items_cat_price ON shop.items (cat, price)");
      assertEquals(List.of(List.of("3"), List.of("1"), List.of("4")), TestServers.strings(c,
          "SELECT id FROM shop.items WHERE cat = 1 ORDER BY price LIMIT 5"));
      StringBuilder plan = new StringBuilder();
      for (List<String> line : TestServers.strings(c,
          "EXPLAIN PLAN FOR SELECT id FROM shop.items WHERE cat = 1 ORDER BY price LIMIT 5")) {
        plan.append(line.get(0)).append('\n');
      }
      assertEquals(true, plan.toString().contains("ITEMS_CAT_PRICE (BTREE)"), plan.toString());
      List<String> info = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getIndexInfo(null, "SHOP", "ITEMS", false, false)) {
        while (rs.next()) {
          info.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + ":"
              + rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME"));
        }
      }
      assertEquals(List.of("SHOP.ITEMS:ITEMS_PKEY:ID", "SHOP.ITEMS:ITEMS_CAT_PRICE:CAT",
          "SHOP.ITEMS:ITEMS_CAT_PRICE:PRICE"), info);
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertEquals(List.of("PUBLIC", "SHOP"), schemas);
      SQLException busy = assertThrows(SQLException.class,
          () -> TestServers.run(c, "DROP SCHEMA shop"));
      assertEquals("2BP01", busy.getSQLState());
      TestServers.run(c, "DROP SCHEMA shop CASCADE");
      assertEquals(List.of(), TestServers.strings(c, "SELECT index_name FROM sys.indexes"));
    }
  }
}
