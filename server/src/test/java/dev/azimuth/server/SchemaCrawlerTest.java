package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Index;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * SchemaCrawler (from Maven Central), the catalog reader BI and documentation tools build on,
 * reading an Azimuth database through DatabaseMetaData alone, embedded and over a server:
 * schemas, tables and views, columns with their types and nullability, primary keys of one and
 * of several columns, and indexes with their columns in order.
 */
class SchemaCrawlerTest {
  @TempDir Path dir;

  private static void check(Connection c) throws Exception {
    assertEquals(java.util.Map.of(), c.getTypeMap(), "no user-defined types, so no mappings");
    TestServers.run(c, "CREATE SCHEMA shop",
        "CREATE TABLE shop.items (id BIGINT PRIMARY KEY, cat INTEGER NOT NULL, "
            + "price DECIMAL(8,2), v VECTOR(3))",
        "CREATE INDEX items_cat_price ON shop.items (cat, price)",
        "CREATE INDEX items_v ON shop.items USING HNSW (v)",
        "CREATE TABLE orders (shop_id BIGINT, line INTEGER, qty INTEGER, "
            + "PRIMARY KEY (shop_id, line))",
        "CREATE VIEW shop.cheap AS SELECT id, price FROM shop.items WHERE price < 10",
        "INSERT INTO shop.items VALUES (1, 1, 2.50, '[1,0,0]')");
    SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLoadOptions(LoadOptionsBuilder.builder()
            .withSchemaInfoLevel(SchemaInfoLevelBuilder.standard()).toOptions());
    Catalog catalog = SchemaCrawlerUtility.getCatalog(
        DatabaseConnectionSources.fromConnection(c), options);
    TreeSet<String> schemas = new TreeSet<>();
    for (Schema s : catalog.getSchemas()) {
      schemas.add(s.getName());
    }
    assertTrue(schemas.containsAll(List.of("PUBLIC", "SHOP")), schemas.toString());
    Schema shop = catalog.getSchemas().stream().filter(s -> "SHOP".equals(s.getName()))
        .findFirst().orElseThrow();
    List<String> tables = catalog.getTables(shop).stream()
        .map(t -> t.getName() + ":" + t.getTableType()).sorted().toList();
    assertEquals(List.of("CHEAP:view", "ITEMS:table"), tables);

    Table items = catalog.lookupTable(shop, "ITEMS").orElseThrow();
    // TYPE_NAME is the type as SQL writes it, parameters included (as SYS.COLUMNS has it).
    assertEquals(List.of("ID BIGINT false", "CAT INTEGER false", "PRICE DECIMAL(8,2) true",
        "V VECTOR(3) true"), items.getColumns().stream().map(col -> col.getName() + " "
            + col.getColumnDataType().getName() + " " + col.isNullable()).toList());
    assertEquals(List.of("ID"), items.getPrimaryKey().getConstrainedColumns().stream()
        .map(Column::getName).toList());
    Index composite = items.getIndexes().stream()
        .filter(i -> i.getName().equals("ITEMS_CAT_PRICE")).findFirst().orElseThrow();
    assertEquals(List.of("CAT", "PRICE"), composite.getColumns().stream()
        .map(Column::getName).toList());
    assertTrue(items.getIndexes().stream().anyMatch(i -> i.getName().equals("ITEMS_V")),
        items.getIndexes().toString());

    Schema publicSchema = catalog.getSchemas().stream()
        .filter(s -> "PUBLIC".equals(s.getName())).findFirst().orElseThrow();
    Table orders = catalog.lookupTable(publicSchema, "ORDERS").orElseThrow();
    assertEquals(List.of("SHOP_ID", "LINE"), orders.getPrimaryKey().getConstrainedColumns()
        .stream().map(Column::getName).toList());
  }

  @Test
  void embedded() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + dir)) {
      check(c);
    }
  }

  @Test
  void overAServer() throws Exception {
    try (AzimuthServer server = TestServers.start(dir);
         Connection c = TestServers.connect(server)) {
      check(c);
    }
  }
}
