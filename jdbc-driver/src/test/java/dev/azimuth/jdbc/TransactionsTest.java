package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static dev.azimuth.jdbc.Sql.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactions through JDBC, embedded: rollback, isolation, conflicts, savepoints, limits. */
class TransactionsTest {
  private static int databases;
  private String url;
  private Connection a;
  private Connection b;

  @BeforeEach
  void open() throws SQLException {
    url = "jdbc:azimuth:mem:tx" + (++databases);
    a = DriverManager.getConnection(url);
    b = DriverManager.getConnection(url);
    update(a, "CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER, body VARCHAR(200), "
        + "v VECTOR(2))");
    update(a, "INSERT INTO t VALUES (1, 10, 'red apple', '[1,0]'), "
        + "(2, 20, 'green apple', '[0,1]'), (3, 30, 'blue sky', '[1,1]')");
  }

  @AfterEach
  void close() throws SQLException {
    a.close();
    b.close();
  }

  private static List<String> ids(Connection c) throws SQLException {
    return text(c, "SELECT id, n FROM t ORDER BY id");
  }

  @Test
  void rollbackForgetsEveryKindOfWrite() throws SQLException {
    a.setAutoCommit(false);
    update(a, "INSERT INTO t VALUES (4, 40, 'x', '[2,2]')");
    update(a, "UPDATE t SET n = n + 1 WHERE id <= 2");
    update(a, "DELETE FROM t WHERE id = 3");
    assertEquals(List.of("1|11", "2|21", "4|40"), ids(a), "the transaction sees its writes");
    assertEquals(List.of("1|10", "2|20", "3|30"), ids(b), "others do not");
    a.rollback();
    assertEquals(List.of("1|10", "2|20", "3|30"), ids(a));
    assertEquals(List.of("1|10", "2|20", "3|30"), ids(b));
    update(a, "DELETE FROM t WHERE id = 1");
    a.commit();
    assertEquals(List.of("2|20", "3|30"), ids(b));
  }

  @Test
  void sqlTransactionStatements() throws SQLException {
    update(a, "BEGIN");
    update(a, "INSERT INTO t VALUES (4, 40, NULL, NULL)");
    update(a, "ROLLBACK");
    update(a, "START TRANSACTION");
    update(a, "INSERT INTO t VALUES (5, 50, NULL, NULL)");
    assertEquals(List.of("1|10", "2|20", "3|30"), ids(b));
    update(a, "COMMIT");
    assertEquals(List.of("1|10", "2|20", "3|30", "5|50"), ids(b));
    update(a, "BEGIN WORK");
    update(a, "DELETE FROM t WHERE id = 5");
    update(a, "END");
    assertEquals(4, ids(b).size() + 1);
    fails("25P01", () -> update(a, "ROLLBACK"));
    update(a, "COMMIT");
    fails("25P01", () -> update(a, "SAVEPOINT s"));
    fails("25P01", () -> update(a, "ROLLBACK TO SAVEPOINT s"));
    update(a, "BEGIN");
    fails("25001", () -> update(a, "BEGIN"));
    fails("0A000", () -> update(a, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
    update(a, "ROLLBACK");
    assertTrue(a.getAutoCommit(), "BEGIN leaves the JDBC auto-commit flag alone");
  }

  @Test
  void aTransactionReadsOneSnapshotAcrossTables() throws SQLException {
    update(a, "CREATE TABLE u (id BIGINT PRIMARY KEY, n INTEGER)");
    update(a, "INSERT INTO u VALUES (1, 100)");
    a.setAutoCommit(false);
    assertEquals(List.of("1|10", "2|20", "3|30"), ids(a));
    update(b, "INSERT INTO t VALUES (9, 90, NULL, NULL)");
    update(b, "UPDATE u SET n = 101");
    update(b, "DELETE FROM t WHERE id = 1");
    assertEquals(List.of("1|10", "2|20", "3|30"), ids(a), "repeatable read");
    assertEquals(100, value(a, "SELECT n FROM u"), "the other table as of the same moment");
    assertEquals(3L, value(a, "SELECT COUNT(*) FROM t"));
    a.commit();
    assertEquals(List.of("2|20", "3|30", "9|90"), ids(a), "a new transaction, a new snapshot");
  }

  @Test
  void searchesFindTheTransactionsOwnRowsAndNotItsDeletedOnes() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:mem:;seal_rows=50")) {
      update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, cat INTEGER, body VARCHAR(100), "
          + "v VECTOR(2))");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < 200; i++) {
          ps.setLong(1, i);
          ps.setInt(2, i % 4);
          ps.setString(3, i % 10 == 0 ? "rocksdb compaction" : "other words " + i);
          ps.setObject(4, new float[] {i, 0});
          ps.addBatch();
        }
        ps.executeBatch();
      }
      update(c, "CREATE INDEX docs_v ON docs USING HNSW (v)");
      update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body)");
      c.setAutoCommit(false);
      update(c, "INSERT INTO docs VALUES (1000, 1, 'rocksdb compaction stall', '[50.2,0]')");
      update(c, "DELETE FROM docs WHERE id = 50");
      update(c, "UPDATE docs SET v = '[-5,0]', body = 'moved' WHERE id = 120");
      String knn = "SELECT id FROM docs ORDER BY v <-> '[50,0]' LIMIT 3";
      assertTrue(String.join("\n", text(c, "EXPLAIN PLAN FOR " + knn))
          .contains("strategy=[index]"), "the sealed segments are searched through the index");
      assertEquals(List.of("1000", "49", "51"), text(c, knn));
      assertEquals(List.of("120", "0", "1"),
          text(c, "SELECT id FROM docs ORDER BY v <-> '[-6,0]' LIMIT 3"));
      assertEquals(List.of("1000", "49", "53"),
          text(c, "SELECT id FROM docs WHERE cat = 1 ORDER BY v <-> '[50,0]' LIMIT 3"));
      List<String> text = text(c, "SELECT id FROM docs WHERE TEXT_MATCH(body, 'stall') "
          + "ORDER BY BM25(body, 'stall') DESC LIMIT 5");
      assertEquals(List.of("1000"), text);
      assertFalse(text(c, "SELECT id FROM docs WHERE TEXT_MATCH(body, 'compaction') "
          + "ORDER BY BM25(body, 'compaction') DESC LIMIT 50").contains("50"));
      assertEquals(200L, value(c, "SELECT COUNT(*) FROM docs"));
      c.rollback();
      assertEquals(List.of("50", "49", "51"), text(c, knn));
    }
  }

  @Test
  void theLaterOfTwoConflictingCommitsFailsWith40001AndWritesNothing() throws SQLException {
    update(a, "CREATE TABLE log (id BIGINT PRIMARY KEY)");
    a.setAutoCommit(false);
    b.setAutoCommit(false);
    update(a, "UPDATE t SET n = 11 WHERE id = 1");
    update(b, "UPDATE t SET n = 12 WHERE id = 1");
    update(b, "INSERT INTO log VALUES (1)");
    a.commit();
    SQLException e = fails("40001", b::commit);
    assertTrue(e.getMessage().contains("concurrent update"), e.getMessage());
    assertEquals(List.of("1|11", "2|20", "3|30"), ids(b));
    assertEquals(0L, value(b, "SELECT COUNT(*) FROM log"), "nothing of the failed transaction");
    update(b, "UPDATE t SET n = 13 WHERE id = 2");
    b.commit();
    assertEquals(List.of("1|11", "2|13", "3|30"), ids(a));
  }

  @Test
  void concurrentAutoCommitUpdatesLoseNoIncrement() throws Exception {
    int threads = 4;
    int each = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection(url);
               PreparedStatement ps = c.prepareStatement("UPDATE t SET n = n + 1 WHERE id = 1")) {
            for (int j = 0; j < each; j++) {
              assertEquals(1, ps.executeUpdate());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(10 + threads * each, value(a, "SELECT n FROM t WHERE id = 1"));
  }

  @Test
  void savepointsThroughJdbcAndSql() throws SQLException {
    a.setAutoCommit(false);
    update(a, "INSERT INTO t VALUES (4, 40, NULL, NULL)");
    Savepoint first = a.setSavepoint();
    update(a, "INSERT INTO t VALUES (5, 50, NULL, NULL)");
    Savepoint named = a.setSavepoint("before delete");
    update(a, "DELETE FROM t");
    assertEquals(List.of(), ids(a));
    a.rollback(named);
    assertEquals(5, ids(a).size());
    update(a, "SAVEPOINT s1");
    update(a, "UPDATE t SET n = 0");
    update(a, "ROLLBACK TO SAVEPOINT s1");
    update(a, "RELEASE SAVEPOINT s1");
    fails("3B001", () -> update(a, "ROLLBACK TO s1"));
    a.rollback(first);
    assertEquals(List.of("1|10", "2|20", "3|30", "4|40"), ids(a));
    fails("3B001", () -> a.rollback(named));
    a.releaseSavepoint(first);
    a.commit();
    assertEquals(List.of("1|10", "2|20", "3|30", "4|40"), ids(b));
    a.setAutoCommit(true);
    fails("25P01", a::setSavepoint);
    fails("25P01", a::commit);
    fails("25P01", a::rollback);
  }

  @Test
  void aFailedStatementLeavesTheTransactionAsItWas() throws SQLException {
    a.setAutoCommit(false);
    update(a, "INSERT INTO t VALUES (4, 40, NULL, NULL)");
    fails("23505", () -> update(a, "INSERT INTO t VALUES (5, 50, NULL, NULL), (1, 0, NULL, NULL)"));
    fails("22000", () -> update(a, "UPDATE t SET v = '[1,2,3]' WHERE id = 2"));
    try (PreparedStatement ps = a.prepareStatement("INSERT INTO t VALUES (?, 0, NULL, NULL)")) {
      ps.setLong(1, 6);
      ps.addBatch();
      ps.setLong(1, 2);
      ps.addBatch();
      fails("23505", ps::executeBatch);
    }
    assertEquals(List.of("1|10", "2|20", "3|30", "4|40"), ids(a));
    a.commit();
    assertEquals(List.of("1|10", "2|20", "3|30", "4|40"), ids(b));
  }

  @Test
  void batchesJoinTheTransaction() throws SQLException {
    a.setAutoCommit(false);
    try (PreparedStatement ps = a.prepareStatement("INSERT INTO t VALUES (?, ?, NULL, ?)")) {
      for (int i = 10; i < 510; i++) {
        ps.setLong(1, i);
        ps.setInt(2, i);
        ps.setObject(3, new float[] {i, i});
        ps.addBatch();
      }
      assertEquals(500, ps.executeBatch().length);
    }
    assertEquals(503L, value(a, "SELECT COUNT(*) FROM t"));
    assertEquals(3L, value(b, "SELECT COUNT(*) FROM t"));
    assertEquals("509", text(a, "SELECT id FROM t ORDER BY v <-> '[600,600]' LIMIT 1").get(0));
    a.rollback();
    assertEquals(3L, value(a, "SELECT COUNT(*) FROM t"));
  }

  @Test
  void ddlAndCopyFromRefuseToRunInATransaction() throws SQLException {
    a.setAutoCommit(false);
    fails("25001", () -> update(a, "CREATE TABLE x (id BIGINT PRIMARY KEY)"));
    fails("25001", () -> update(a, "DROP TABLE t"));
    fails("25001", () -> update(a, "CREATE INDEX t_v ON t USING HNSW (v)"));
    a.setAutoCommit(true);
    update(a, "BEGIN");
    fails("25001", () -> update(a, "CREATE TABLE x (id BIGINT PRIMARY KEY)"));
    fails("25001", () -> update(a, "COPY t FROM 'rows.csv'"));
    update(a, "ROLLBACK");
    update(a, "CREATE TABLE x (id BIGINT PRIMARY KEY)");
  }

  @Test
  void isolationIsReportedAsItIs() throws SQLException {
    assertEquals(Connection.TRANSACTION_REPEATABLE_READ, a.getTransactionIsolation());
    a.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    assertEquals(Connection.TRANSACTION_REPEATABLE_READ, a.getTransactionIsolation(),
        "a weaker level asked for runs as snapshot isolation");
    fails("0A000", () -> a.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
    DatabaseMetaData md = a.getMetaData();
    assertTrue(md.supportsTransactions());
    assertTrue(md.supportsSavepoints());
    assertEquals(Connection.TRANSACTION_REPEATABLE_READ, md.getDefaultTransactionIsolation());
    assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
    assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
    assertTrue(md.supportsDataManipulationTransactionsOnly());
  }

  @Test
  void readOnlyTransactionsRefuseWrites() throws SQLException {
    update(a, "BEGIN READ ONLY");
    assertEquals(3, ids(a).size());
    fails("25006", () -> update(a, "DELETE FROM t"));
    update(a, "COMMIT");
    update(a, "BEGIN");
    update(a, "SET TRANSACTION READ ONLY");
    fails("25006", () -> update(a, "DELETE FROM t"));
    update(a, "ROLLBACK");
    assertEquals(3, ids(b).size());
  }

  @Test
  void turningAutoCommitOnCommitsAndClosingRollsBack() throws SQLException {
    a.setAutoCommit(false);
    update(a, "INSERT INTO t VALUES (4, 40, NULL, NULL)");
    a.setAutoCommit(true);
    assertEquals(4, ids(b).size());
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      update(c, "DELETE FROM t");
    }
    assertEquals(4, ids(b).size(), "closing a connection rolls its transaction back");
  }

  @Test
  void aLongTransactionBlocksNeitherOtherWritersNorIndexBuildsAndMerges() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:mem:long;seal_rows=100;"
        + "merge_factor=3");
         Connection d = DriverManager.getConnection("jdbc:azimuth:mem:long")) {
      update(c, "CREATE TABLE m (id BIGINT PRIMARY KEY, v VECTOR(2))");
      update(c, "CREATE INDEX m_v ON m USING HNSW (v)");
      update(c, "INSERT INTO m VALUES (0, '[0,0]')");
      c.setAutoCommit(false);
      update(c, "UPDATE m SET v = '[1,1]' WHERE id = 0");
      try (PreparedStatement ps = d.prepareStatement("INSERT INTO m VALUES (?, ?)")) {
        for (int i = 1; i <= 1000; i++) {
          ps.setLong(1, i);
          ps.setObject(2, new float[] {i, i});
          ps.executeUpdate();
        }
      }
      long deadline = System.nanoTime() + 60_000_000_000L;
      long segments;
      do {
        Thread.sleep(50);
        segments = (Long) value(d, "SELECT COUNT(*) FROM sys.segments WHERE table_name = 'M' "
            + "AND state = 'SEALED'");
      } while (segments > 3 && System.nanoTime() < deadline);
      assertTrue(segments <= 3, "merges ran while the transaction was open: " + segments);
      assertEquals(1L, value(c, "SELECT COUNT(*) FROM m"), "the snapshot still holds");
      c.commit();
      assertEquals("[1.0, 1.0]", text(d, "SELECT v FROM m WHERE id = 0").get(0));
      assertEquals(1001L, value(d, "SELECT COUNT(*) FROM m"));
    }
  }

  @Test
  void resultsOpenAtCommitStayReadable() throws SQLException {
    a.setAutoCommit(false);
    update(a, "INSERT INTO t VALUES (4, 40, NULL, NULL)");
    try (Statement s = a.createStatement()) {
      s.setFetchSize(1);
      try (ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
        assertTrue(rs.next());
        a.commit();
        int n = 1;
        while (rs.next()) {
          n++;
        }
        assertEquals(4, n);
      }
    }
  }
}
