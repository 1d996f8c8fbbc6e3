package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL over the wire: what embedded mode does, a remote connection does the same way. */
class RemoteQueriesTest {
  @TempDir static Path dir;
  static AzimuthServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(dir);
    try (Connection c = TestServers.connect(server)) {
      TestServers.run(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(200), "
          + "price DECIMAL(10,2), dt DATE, ts TIMESTAMP, ok BOOLEAN, embedding VECTOR(3))",
          "INSERT INTO docs VALUES (1, 'red', 1.50, DATE '2024-01-02', "
              + "TIMESTAMP '2024-01-02 03:04:05', TRUE, '[1,0,0]'), "
              + "(2, 'green', 2.25, NULL, NULL, FALSE, '[0,1,0]'), "
              + "(3, 'blue', NULL, NULL, NULL, NULL, '[0,0,1]')");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void vectorQueryWithFloatArrayParameter() throws SQLException {
    try (Connection c = TestServers.connect(server);
         PreparedStatement knn = c.prepareStatement("SELECT id, title, embedding, "
             + "embedding <-> ? AS d FROM docs ORDER BY d LIMIT 2")) {
      knn.setObject(1, new float[] {0.9f, 0.1f, 0});
      try (ResultSet rs = knn.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(1, rs.getLong("ID"));
        assertEquals("red", rs.getString("TITLE"));
        assertArrayEquals(new float[] {1, 0, 0}, (float[]) rs.getObject("EMBEDDING"));
        assertEquals("[1.0,0.0,0.0]", rs.getString("EMBEDDING"));
        assertEquals(Math.sqrt(0.02), rs.getDouble("D"), 1e-6);
        assertTrue(rs.next());
        assertEquals(2, rs.getLong("ID"));
        assertFalse(rs.next());
      }
      ResultSetMetaData md = knn.getMetaData();
      assertEquals(Types.OTHER, md.getColumnType(3));
      assertEquals("VECTOR(3)", md.getColumnTypeName(3));
      assertEquals(float[].class.getName(), md.getColumnClassName(3));
    }
  }

  @Test
  void vectorParameterAsTextAndAsDoubles() throws SQLException {
    try (Connection c = TestServers.connect(server);
         PreparedStatement knn = c.prepareStatement(
             "SELECT id FROM docs ORDER BY embedding <=> ? LIMIT 1")) {
      knn.setString(1, "[0,0,2]");
      assertEquals(List.of(List.of("3")), TestServers.strings(knn.executeQuery()));
      knn.setObject(1, new double[] {0, 3, 0});
      assertEquals(List.of(List.of("2")), TestServers.strings(knn.executeQuery()));
    }
  }

  @Test
  void valuesOfEveryTypeReadAsInEmbeddedMode() throws SQLException {
    try (Connection c = TestServers.connect(server);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM docs WHERE id = 1")) {
      assertTrue(rs.next());
      assertEquals(new BigDecimal("1.50"), rs.getBigDecimal("PRICE"));
      assertEquals(Date.valueOf("2024-01-02"), rs.getDate("DT"));
      assertEquals(Timestamp.valueOf("2024-01-02 03:04:05"), rs.getTimestamp("TS"));
      assertTrue(rs.getBoolean("OK"));
    }
  }

  @Test
  void updatesCountAndErrorsKeepTheirSqlState() throws SQLException {
    try (Connection c = TestServers.connect(server); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE scratch (id INTEGER PRIMARY KEY, v VECTOR(2))");
      assertEquals(2, s.executeUpdate("INSERT INTO scratch VALUES (1, '[1,2]'), (2, '[3,4]')"));
      SQLException dup = assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO scratch VALUES (1, '[0,0]')"));
      assertEquals("23505", dup.getSQLState());
      SQLException missing = assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT * FROM nope"));
      assertEquals("42P01", missing.getSQLState());
      // The engine's own message, not wrapped in Avatica's.
      assertEquals("table NOPE does not exist (at line 1, column 15)", missing.getMessage());
      SQLException dims = assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO scratch VALUES (3, '[1,2,3]')"));
      assertEquals("22000", dims.getSQLState());
      assertEquals(1, s.executeUpdate("DELETE FROM scratch WHERE id = 2"));
      assertEquals(List.of(List.of("1", "[1.0,2.0]")), TestServers.strings(c,
          "SELECT * FROM scratch"));
      s.execute("DROP TABLE scratch");
    }
  }

  @Test
  void batchesOfPreparedInserts() throws SQLException {
    try (Connection c = TestServers.connect(server)) {
      TestServers.run(c, "CREATE TABLE batch (id INTEGER PRIMARY KEY, v VECTOR(2))");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO batch VALUES (?, ?)")) {
        for (int i = 0; i < 250; i++) {
          insert.setInt(1, i);
          insert.setObject(2, new float[] {i, -i});
          insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        assertEquals(250, counts.length);
        for (int n : counts) {
          assertEquals(1, n);
        }
      }
      try (Statement s = c.createStatement()) {
        s.addBatch("INSERT INTO batch VALUES (1000, '[0,0]')");
        s.addBatch("UPDATE batch SET v = '[9,9]' WHERE id < 10");
        assertArrayEquals(new int[] {1, 10}, s.executeBatch());
      }
      assertEquals(List.of(List.of("251")), TestServers.strings(c, "SELECT COUNT(*) FROM batch"));
      assertEquals(List.of(List.of("9", "[9.0,9.0]"), List.of("10", "[10.0,-10.0]")),
          TestServers.strings(c, "SELECT id, v FROM batch WHERE id IN (9, 10) ORDER BY id"));
      TestServers.run(c, "DROP TABLE batch");
    }
  }

  @Test
  void resultsLargerThanOneFrameArriveWhole() throws SQLException {
    try (Connection c = TestServers.connect(server)) {
      TestServers.run(c, "CREATE TABLE many (id INTEGER PRIMARY KEY, v VECTOR(2))",
          "INSERT INTO many SELECT id * 1000 + j, '[1,1]' FROM (VALUES 0) t(x), "
              + "UNNEST(ARRAY[0,1,2,3,4,5,6,7,8,9]) AS a(id), "
              + "UNNEST(ARRAY[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,"
              + "25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49]) "
              + "AS b(j)");
      try (Statement s = c.createStatement()) {
        s.setFetchSize(7);
        try (ResultSet rs = s.executeQuery("SELECT id, v FROM many ORDER BY id")) {
          int n = 0;
          long last = -1;
          while (rs.next()) {
            assertTrue(rs.getLong(1) > last);
            last = rs.getLong(1);
            assertArrayEquals(new float[] {1, 1}, (float[]) rs.getObject(2));
            n++;
          }
          assertEquals(500, n);
        }
      }
      TestServers.run(c, "DROP TABLE many");
    }
  }
}
