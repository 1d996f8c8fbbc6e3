package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DatabaseMetaData over the wire answers what it answers embedded, for what BI tools ask:
 * tables, columns with types and sizes, primary keys, indexes (the vector index included), type
 * info, keywords, product name and version. The embedded connection shares the server's engine
 * (same JVM, same directory), so both look at one database.
 */
class RemoteMetadataTest {
  @TempDir static Path dir;
  static AzimuthServer server;
  static Connection remote;
  static Connection embedded;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(dir);
    remote = TestServers.connect(server);
    embedded = DriverManager.getConnection("jdbc:azimuth:file:" + dir.resolve("data"));
    TestServers.run(remote, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(200) "
            + "NOT NULL, price DECIMAL(10,2), embedding VECTOR(3))",
        "CREATE TABLE notes (k VARCHAR(20) PRIMARY KEY, body VARCHAR)",
        "INSERT INTO docs VALUES (1, 'a', 1.00, '[1,0,0]'), (2, 'b', 2.00, '[0,1,0]')",
        "CREATE INDEX docs_embedding ON docs USING HNSW (embedding) WITH (metric = 'cosine')");
  }

  @AfterAll
  static void stop() throws SQLException {
    remote.close();
    embedded.close();
    server.close();
  }

  private interface Call {
    ResultSet on(DatabaseMetaData md) throws SQLException;
  }

  /** The rows of a metadata call, every column as its string, from both connections. */
  private static List<List<String>> same(Call call) throws SQLException {
    List<List<String>> overTheWire;
    List<List<String>> inProcess;
    try (ResultSet rs = call.on(remote.getMetaData())) {
      overTheWire = TestServers.strings(rs);
    }
    try (ResultSet rs = call.on(embedded.getMetaData())) {
      inProcess = TestServers.strings(rs);
    }
    assertEquals(inProcess, overTheWire);
    return overTheWire;
  }

  private static List<String> column(List<List<String>> rows, int index) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get(index)));
    return out;
  }

  @Test
  void tablesAndSchemas() throws SQLException {
    List<List<String>> tables = same(md -> md.getTables(null, null, "%", new String[] {"TABLE"}));
    assertEquals(List.of("DOCS", "NOTES"), column(tables, 2));
    assertEquals(List.of(List.of("PUBLIC", "")), same(md -> md.getSchemas()).stream()
        .map(r -> List.of(r.get(0), String.valueOf(r.get(1) == null ? "" : r.get(1)))).toList());
    same(DatabaseMetaData::getTableTypes);
  }

  @Test
  void columnsWithTypesAndSizes() throws SQLException {
    List<List<String>> columns = same(md -> md.getColumns(null, "PUBLIC", "DOCS", "%"));
    assertEquals(List.of("ID", "TITLE", "PRICE", "EMBEDDING"), column(columns, 3));
    assertEquals(List.of(String.valueOf(Types.BIGINT), String.valueOf(Types.VARCHAR),
        String.valueOf(Types.DECIMAL), String.valueOf(Types.OTHER)), column(columns, 4));
    assertEquals(List.of("BIGINT", "VARCHAR(200)", "DECIMAL(10,2)", "VECTOR(3)"),
        column(columns, 5));
    assertEquals(List.of("19", "200", "10", "3"), column(columns, 6));
    assertEquals(List.of("NO", "NO", "YES", "YES"), column(columns, 17));
  }

  @Test
  void primaryKeys() throws SQLException {
    assertEquals(List.of(List.of("PUBLIC", "DOCS", "ID", "1", "DOCS_PKEY")),
        same(md -> md.getPrimaryKeys(null, null, "DOCS")).stream().map(r -> r.subList(1, 6))
            .toList());
    assertEquals(List.of("DOCS", "NOTES"),
        column(same(md -> md.getPrimaryKeys(null, "PUBLIC", null)), 2));
    assertTrue(same(md -> md.getPrimaryKeys(null, "ELSEWHERE", "DOCS")).isEmpty());
  }

  @Test
  void indexesIncludeTheKeyAndTheVectorIndex() throws SQLException {
    List<List<String>> all = same(md -> md.getIndexInfo(null, null, "DOCS", false, true));
    // NON_UNIQUE, INDEX_NAME, TYPE, ORDINAL_POSITION, COLUMN_NAME
    assertEquals(List.of(
            List.of("false", "DOCS_PKEY", String.valueOf(DatabaseMetaData.tableIndexClustered),
                "1", "ID"),
            List.of("true", "DOCS_EMBEDDING", String.valueOf(DatabaseMetaData.tableIndexOther),
                "1", "EMBEDDING")),
        all.stream().map(r -> List.of(r.get(3), r.get(5), r.get(6), r.get(7), r.get(8)))
            .toList());
    assertEquals(List.of("DOCS_PKEY"),
        column(same(md -> md.getIndexInfo(null, null, "DOCS", true, true)), 5));
  }

  @Test
  void typeInfoListsVector() throws SQLException {
    List<List<String>> types = same(DatabaseMetaData::getTypeInfo);
    assertTrue(column(types, 0).containsAll(List.of("BIGINT", "VARCHAR", "VECTOR", "BOOLEAN",
        "DECIMAL", "DATE", "TIMESTAMP", "REAL", "DOUBLE", "INTEGER")), types.toString());
    List<String> vector = types.stream().filter(r -> r.get(0).equals("VECTOR")).findFirst()
        .orElseThrow();
    assertEquals(String.valueOf(Types.OTHER), vector.get(1));
    assertEquals("16000", vector.get(2));
  }

  @Test
  void productKeywordsAndFunctions() throws SQLException {
    for (Function<DatabaseMetaData, Object> f : List.<Function<DatabaseMetaData, Object>>of(
        md -> call(md::getDatabaseProductName), md -> call(md::getDatabaseProductVersion),
        md -> call(md::getDatabaseMajorVersion), md -> call(md::getDatabaseMinorVersion),
        md -> call(md::getDriverName), md -> call(md::getSQLKeywords),
        md -> call(md::getNumericFunctions), md -> call(md::getStringFunctions),
        md -> call(md::getIdentifierQuoteString))) {
      assertEquals(f.apply(embedded.getMetaData()), f.apply(remote.getMetaData()));
    }
    DatabaseMetaData md = remote.getMetaData();
    assertEquals("Azimuth", md.getDatabaseProductName());
    assertTrue(md.getSQLKeywords().contains("UPSERT"), md.getSQLKeywords());
    assertTrue(md.getURL().startsWith("jdbc:azimuth:remote:http://127.0.0.1:"), md.getURL());
  }

  private interface Getter {
    Object get() throws SQLException;
  }

  private static Object call(Getter g) {
    try {
      return g.get();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
