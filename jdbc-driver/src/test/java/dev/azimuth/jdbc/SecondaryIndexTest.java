package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BTREE indexes on scalar columns: point, IN and range predicates, ORDER BY ... LIMIT, and the
 * pre-filter of a vector search answered through them (EXPLAIN says so), every answer checked
 * against H2 holding the same rows, over seeded random data and queries, with rows in sealed
 * and growing segments, deleted and updated rows, a transaction's own writes, and a restart.
 * {@code -Dsecondary.seed=N} replays a run.
 */
class SecondaryIndexTest {
  private static final long SEED = Long.getLong("secondary.seed", 20261208L);
  private static final int ROWS = 3000;

  @TempDir Path dir;
  private final Random random = new Random(SEED);

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:file:" + dir + ";seal_rows=500");
  }

  private String row(long id) {
    String cat = random.nextInt(20) == 0 ? "NULL" : Integer.toString(random.nextInt(12));
    String price = random.nextInt(25) == 0 ? "NULL"
        : Double.toString((random.nextInt(4000) - 1000) / 8.0);
    String name = random.nextInt(30) == 0 ? "NULL" : "'n" + random.nextInt(300) + "'";
    return id + ", " + cat + ", " + price + ", " + name;
  }

  private static String vector(long id) {
    return "'[" + (id % 17) + "," + (id % 5) + "]'";
  }

  private void load(Connection az, Connection h2) throws SQLException {
    update(az, "CREATE TABLE t (id BIGINT PRIMARY KEY, cat INTEGER, price DOUBLE, "
        + "name VARCHAR(10), v VECTOR(2))");
    update(h2, "CREATE TABLE t (id BIGINT PRIMARY KEY, cat INTEGER, price DOUBLE, "
        + "name VARCHAR(10), v0 DOUBLE, v1 DOUBLE)");
    for (int start = 0; start < ROWS; start += 250) {
      StringBuilder a = new StringBuilder();
      StringBuilder h = new StringBuilder();
      for (long id = start; id < start + 250; id++) {
        String r = row(id);
        a.append(a.length() == 0 ? "" : ", ").append('(').append(r).append(", ")
            .append(vector(id)).append(')');
        h.append(h.length() == 0 ? "" : ", ").append('(').append(r).append(", ")
            .append(id % 17).append(", ").append(id % 5).append(')');
      }
      update(az, "INSERT INTO t VALUES " + a);
      update(h2, "INSERT INTO t VALUES " + h);
    }
    update(az, "CREATE INDEX t_cat ON t (cat)");
    update(az, "CREATE INDEX t_price_id ON t USING BTREE (price, id)");
    update(az, "CREATE INDEX t_cat_price_id ON t (cat, price, id)");
    update(az, "CREATE INDEX t_name ON t (name)");
    // Rows after the indexes: some in a growing segment, some replacing indexed ones.
    for (long id = ROWS; id < ROWS + 300; id++) {
      String r = row(id);
      update(az, "INSERT INTO t VALUES (" + r + ", " + vector(id) + ")");
      update(h2, "INSERT INTO t VALUES (" + r + ", " + (id % 17) + ", " + (id % 5) + ")");
    }
    String change = "UPDATE t SET cat = 99, price = -1.5 WHERE MOD(id, 37) = 3";
    update(az, change);
    update(h2, change);
    String delete = "DELETE FROM t WHERE MOD(id, 41) = 7";
    update(az, delete);
    update(h2, delete);
  }

  /** A random query an index answers, and whether its order is fully defined. */
  private record Query(String sql, boolean ordered, String expectedPlan) {}

  private Query query() {
    int c = random.nextInt(12);
    double p = (random.nextInt(4000) - 1000) / 8.0;
    double q = p + random.nextInt(400) / 4.0;
    int k = 1 + random.nextInt(30);
    return switch (random.nextInt(10)) {
      case 0 -> new Query("SELECT id, price FROM t WHERE cat = " + c, false, "T_CAT");
      case 1 -> new Query("SELECT id FROM t WHERE cat IN (" + c + ", " + (c + 3) + ", 99)",
          false, "T_CAT");
      case 2 -> new Query("SELECT id, cat FROM t WHERE price BETWEEN " + p + " AND " + q,
          false, "T_PRICE_ID");
      case 3 -> new Query("SELECT id FROM t WHERE price > " + p + " AND name LIKE 'n1%'",
          false, "T_PRICE_ID");
      case 4 -> new Query("SELECT id, name FROM t WHERE name >= 'n2" + c + "' AND name < 'n3'",
          false, "T_NAME");
      case 5 -> new Query("SELECT id, price FROM t ORDER BY price NULLS LAST, id LIMIT " + k, true,
          "AzimuthIndexOrderScan");
      case 6 -> new Query("SELECT id, price FROM t ORDER BY price DESC NULLS FIRST, id DESC LIMIT " + k
          + " OFFSET " + random.nextInt(20), true, "AzimuthIndexOrderScan");
      case 7 -> new Query("SELECT id, price FROM t WHERE cat = " + c
          + " ORDER BY price NULLS LAST, id LIMIT " + k, true, "AzimuthIndexOrderScan");
      case 8 -> new Query("SELECT id FROM t WHERE cat = " + c + " AND price >= " + p
          + " ORDER BY price DESC NULLS FIRST, id DESC LIMIT " + k, true,
          "AzimuthIndexOrderScan");
      default -> new Query("SELECT * FROM t WHERE cat = " + c + " AND price < " + p
          + " AND id > " + random.nextInt(ROWS), false, "T_CAT_PRICE_ID");
    };
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          Object o = rs.getObject(i);
          b.append(i > 1 ? "|" : "").append(o instanceof Number x && !(o instanceof Long)
              && !(o instanceof Integer) ? Double.toString(x.doubleValue()) : String.valueOf(o));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  private void compare(Connection az, Connection h2, int cases, boolean checkPlans)
      throws SQLException {
    for (int i = 0; i < cases; i++) {
      Query q = query();
      String h2Sql = q.sql.replace("SELECT * FROM t", "SELECT id, cat, price, name FROM t");
      String azSql = q.sql.replace("SELECT * FROM t", "SELECT id, cat, price, name FROM t");
      List<String> expected = rows(h2, h2Sql);
      List<String> actual = rows(az, azSql);
      if (!q.ordered) {
        expected.sort(null);
        actual.sort(null);
      }
      assertEquals(expected, actual, "seed " + SEED + " case " + i + ": " + q.sql);
      if (checkPlans) {
        String plan = String.join("\n", text(az, "EXPLAIN PLAN FOR " + azSql));
        assertTrue(plan.contains(q.expectedPlan), q.sql + "\n" + plan);
      }
    }
  }

  @Test
  void indexedQueriesAgreeWithH2AndUseTheIndexes() throws SQLException {
    try (Connection az = open();
         Connection h2 = DriverManager.getConnection("jdbc:h2:mem:;MODE=PostgreSQL")) {
      load(az, h2);
      compare(az, h2, 400, true);
      // A transaction's own writes: rows it inserts are found, rows it deletes are not.
      az.setAutoCommit(false);
      h2.setAutoCommit(false);
      for (String w : List.of("INSERT INTO t (id, cat, price, name) VALUES (90001, 5, 12.5, 'n5')",
          "DELETE FROM t WHERE cat = 6 AND price < 100",
          "UPDATE t SET cat = 5 WHERE MOD(id, 29) = 1")) {
        update(az, w);
        update(h2, w);
      }
      compare(az, h2, 200, false);
      az.rollback();
      h2.rollback();
      az.setAutoCommit(true);
      h2.setAutoCommit(true);
      compare(az, h2, 100, false);
    }
    // After a restart the indexes are loaded from their files, not rebuilt.
    try (Connection az = open()) {
      List<String> states = text(az, "SELECT DISTINCT state FROM sys.indexes");
      assertEquals(List.of("READY"), states);
      String plan = String.join("\n", text(az, "EXPLAIN PLAN FOR SELECT id FROM t WHERE cat = 3"));
      assertTrue(plan.contains("index=[T_CAT (BTREE)]") && plan.contains("index_range=[CAT = 3]"),
          plan);
    }
  }

  @Test
  void filteredVectorSearchTakesItsPreFilterFromTheIndex() throws SQLException {
    try (Connection az = open();
         Connection h2 = DriverManager.getConnection("jdbc:h2:mem:;MODE=PostgreSQL")) {
      load(az, h2);
      for (int i = 0; i < 50; i++) {
        int c = random.nextInt(12);
        double x = random.nextInt(170) / 10.0;
        double y = random.nextInt(50) / 10.0;
        String az1 = "SELECT id FROM t WHERE cat = ? ORDER BY v <-> ? LIMIT 7";
        List<String> actual = new ArrayList<>();
        try (PreparedStatement ps = az.prepareStatement(az1)) {
          ps.setInt(1, c);
          ps.setString(2, "[" + x + "," + y + "]");
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              actual.add(rs.getString(1));
            }
          }
        }
        // Ties in distance are broken by id in neither engine: compare the distances.
        String distance = "SQRT((v0 - " + x + ") * (v0 - " + x + ") + (v1 - " + y
            + ") * (v1 - " + y + "))";
        List<String> expected = rows(h2, "SELECT " + distance + " FROM t WHERE cat = " + c
            + " ORDER BY 1 LIMIT 7");
        List<String> got = new ArrayList<>();
        for (String id : actual) {
          got.add(rows(h2, "SELECT " + distance + " FROM t WHERE id = " + id).get(0));
        }
        assertEquals(expected.size(), got.size(), "seed " + SEED + " cat " + c);
        for (int j = 0; j < got.size(); j++) {
          assertEquals(Double.parseDouble(expected.get(j)), Double.parseDouble(got.get(j)), 1e-4,
              "seed " + SEED + " cat " + c + " rank " + j);
        }
      }
      String plan = String.join("\n", text(az, "EXPLAIN PLAN FOR SELECT id FROM t "
          + "WHERE cat = 3 ORDER BY v <-> '[1,1]' LIMIT 5"));
      assertTrue(plan.contains("AzimuthVectorSearch") && plan.contains("index=[T_CAT (BTREE)]"),
          plan);
    }
  }

  @Test
  void ddlMetadataAndErrors() throws SQLException {
    try (Connection az = open()) {
      update(az, "CREATE TABLE p (id INT PRIMARY KEY, cat INT, price DECIMAL(8,2), "
          + "v VECTOR(2))");
      update(az, "INSERT INTO p VALUES (1, 1, 2.50, '[0,0]'), (2, 1, 1.25, '[1,0]'), "
          + "(3, NULL, 9.00, '[2,0]')");
      update(az, "CREATE INDEX p_cat_price ON p (cat, price)");
      update(az, "CREATE INDEX IF NOT EXISTS p_cat_price ON p (cat)");
      fails("42710", () -> update(az, "CREATE INDEX p_cat_price ON p (cat)"));
      fails("42703", () -> update(az, "CREATE INDEX p_x ON p (nope)"));
      fails("42804", () -> update(az, "CREATE INDEX p_v ON p (v)"));
      fails("0A000", () -> update(az, "CREATE INDEX p_hv ON p USING HNSW (v, cat)"));
      fails("22023", () -> update(az, "CREATE INDEX p_o ON p (cat) WITH (m = 4)"));
      fails("42704", () -> update(az, "CREATE INDEX p_h ON p USING HASH (cat)"));
      assertEquals(List.of("P_CAT_PRICE|CAT, PRICE|BTREE|null"), text(az, "SELECT DISTINCT "
          + "index_name, column_name, index_type, metric FROM sys.indexes"));
      assertEquals(List.of("2|1.25", "1|2.50"), text(az, "SELECT id, price FROM p "
          + "WHERE cat = 1 ORDER BY price LIMIT 5"));
      List<String> info = new ArrayList<>();
      try (ResultSet rs = az.getMetaData().getIndexInfo(null, "PUBLIC", "P", false, false)) {
        while (rs.next()) {
          info.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME") + ":"
              + rs.getShort("ORDINAL_POSITION") + ":" + rs.getBoolean("NON_UNIQUE"));
        }
      }
      assertEquals(List.of("P_PKEY:ID:1:false", "P_CAT_PRICE:CAT:1:true",
          "P_CAT_PRICE:PRICE:2:true"), info);
      update(az, "ALTER TABLE p DROP COLUMN price");
      assertEquals(List.of(), text(az, "SELECT index_name FROM sys.indexes"),
          "an index goes with a column it reads");
      update(az, "CREATE INDEX p_cat ON p (cat)");
      update(az, "DROP INDEX p_cat");
      String plan = String.join("\n", text(az, "EXPLAIN PLAN FOR SELECT id FROM p WHERE cat = 1"));
      assertFalse(plan.contains("BTREE"), plan);
    }
  }

  @Test
  void updatesAndDeletesThroughTheIndexOnATableWithoutAKey() throws SQLException {
    try (Connection az = open()) {
      update(az, "CREATE TABLE k (cat INTEGER, label VARCHAR(10))");
      for (int start = 0; start < 1200; start += 300) {
        StringBuilder part = new StringBuilder();
        for (int i = start; i < start + 300; i++) {
          part.append(i == start ? "" : ", ").append('(').append(i % 10).append(", 'l")
              .append(i).append("')");
        }
        update(az, "INSERT INTO k VALUES " + part);
      }
      update(az, "CREATE INDEX k_cat ON k (cat)");
      assertEquals(120, update(az, "UPDATE k SET label = 'seven' WHERE cat = 7"));
      assertEquals(120, update(az, "DELETE FROM k WHERE cat = 3"));
      assertEquals(List.of("120"), text(az, "SELECT COUNT(*) FROM k WHERE label = 'seven'"));
      assertEquals(List.of("0"), text(az, "SELECT COUNT(*) FROM k WHERE cat = 3"));
      assertEquals(List.of("1080"), text(az, "SELECT COUNT(*) FROM k"));
      String plan = String.join("\n", text(az, "EXPLAIN PLAN FOR DELETE FROM k WHERE cat = 3"));
      assertTrue(plan.contains("K_CAT (BTREE)"), plan);
    }
  }
}
