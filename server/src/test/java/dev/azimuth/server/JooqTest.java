package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jOOQ (from Maven Central) as an application uses it, embedded and over a server: its query
 * DSL with bind values, its transactions (a rollback on an exception, a nested transaction as a
 * savepoint), and its reading of the catalog through DatabaseMetaData (schemas, tables,
 * primary keys, BTREE indexes).
 */
class JooqTest {
  @TempDir Path dir;

  private static final Table<?> ITEMS = table(name("SHOP", "ITEMS"));
  private static final Field<Long> ID = field(name("ID"), Long.class);
  private static final Field<Integer> CAT = field(name("CAT"), Integer.class);
  private static final Field<String> LABEL = field(name("LABEL"), String.class);

  private static void check(Connection connection) {
    DSLContext dsl = DSL.using(connection, SQLDialect.DEFAULT);
    dsl.execute("CREATE SCHEMA shop");
    dsl.execute("CREATE TABLE shop.items (id BIGINT PRIMARY KEY, cat INTEGER, "
        + "label VARCHAR(20), v VECTOR(2))");
    dsl.execute("CREATE INDEX items_cat ON shop.items (cat)");
    for (long i = 1; i <= 20; i++) {
      dsl.insertInto(ITEMS, ID, CAT, LABEL).values(i, (int) (i % 4), "item " + i).execute();
    }
    assertEquals(5, dsl.fetchCount(ITEMS, CAT.eq(2)));
    assertEquals(List.of(2L, 6L, 10L), dsl.select(ID).from(ITEMS).where(CAT.eq(2))
        .orderBy(ID).limit(3).fetch(ID));

    dsl.transaction(tx -> DSL.using(tx).update(ITEMS).set(LABEL, "moved").where(CAT.eq(1))
        .execute());
    assertEquals(5, dsl.fetchCount(ITEMS, LABEL.eq("moved")));
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> dsl.transaction(tx -> {
          DSL.using(tx).deleteFrom(ITEMS).where(CAT.eq(3)).execute();
          assertEquals(15, DSL.using(tx).fetchCount(ITEMS));
          throw new IllegalStateException("refused");
        }));
    assertEquals("refused", refused.getMessage());
    assertEquals(20, dsl.fetchCount(ITEMS), "the exception rolled the delete back");
    dsl.transaction(outer -> {
      DSL.using(outer).insertInto(ITEMS, ID, CAT, LABEL).values(100L, 9, "outer").execute();
      assertThrows(IllegalStateException.class, () -> DSL.using(outer).transaction(inner -> {
        DSL.using(inner).insertInto(ITEMS, ID, CAT, LABEL).values(101L, 9, "inner").execute();
        throw new IllegalStateException("inner refused");
      }));
    });
    assertEquals(List.of(100L), dsl.select(ID).from(ITEMS).where(CAT.eq(9)).fetch(ID),
        "the nested transaction rolled back to its savepoint, the outer one committed");

    Meta meta = dsl.meta();
    Table<?> items = meta.getSchemas().stream().filter(s -> s.getName().equals("SHOP"))
        .findFirst().orElseThrow().getTable("ITEMS");
    assertEquals(List.of("ID", "CAT", "LABEL", "V"),
        items.fieldStream().map(Field::getName).toList());
    assertEquals(List.of("ID"), items.getPrimaryKey().getFields().stream()
        .map(Field::getName).toList());
    assertTrue(items.getIndexes().stream().map(Index::getName).toList().contains("ITEMS_CAT"),
        items.getIndexes().toString());
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
