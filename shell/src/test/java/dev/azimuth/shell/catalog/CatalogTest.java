package dev.azimuth.shell.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
  @Test void readsTablesAndColumnsAndFindsThemAsSqlDoes() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:mem:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE docs (id BIGINT PRIMARY KEY, v VECTOR(4) NOT NULL)");
      s.execute("CREATE TABLE \"docs\" (id INTEGER PRIMARY KEY)");
      s.execute("CREATE TABLE \"Mixed\" (id INTEGER PRIMARY KEY)");
      Catalog catalog = Catalog.load(c);
      Catalog.Table docs = catalog.find("docs").orElseThrow();
      assertEquals("DOCS", docs.name(), "unquoted means upper case, though \"docs\" exists");
      assertEquals("PUBLIC.DOCS", docs.qualifiedName());
      assertEquals(List.of(new Catalog.Column("ID", "BIGINT", false, null),
          new Catalog.Column("V", "VECTOR(4)", false, null)), docs.columns());
      assertEquals("docs", catalog.find("\"docs\"").orElseThrow().name());
      assertEquals("Mixed", catalog.find("mixed").orElseThrow().name(), "else any case");
      assertEquals("DOCS", catalog.find("public.Docs").orElseThrow().name());
      assertTrue(catalog.find("\"MIXED\"").isEmpty(), "quoted names match exactly");
      assertTrue(catalog.find("other.docs").isEmpty());
    }
  }
}
