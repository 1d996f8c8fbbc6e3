package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements that once returned wrong rows without an error, each checked against an answer
 * computed independently: brute force in the test, or H2 holding the same rows.
 */
class RightAnswersTest {
  private static final int ROWS = 120;
  private static final int DIM = 6;

  @TempDir Path dir;
  private Connection c;
  private final Map<Long, float[]> vectors = new TreeMap<>();

  @BeforeEach
  void load() throws SQLException {
    c = DriverManager.getConnection("jdbc:azimuth:mem:;seal_rows=50;import_dir=" + dir);
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(" + DIM + "))");
    Random random = new Random(7);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      for (long id = 0; id < ROWS; id++) {
        float[] v = null;
        if (id % 17 != 3) {
          v = new float[DIM];
          for (int d = 0; d < DIM; d++) {
            v[d] = random.nextInt(5) - 2;  // small integers: many ties, exact float distances
          }
        }
        vectors.put(id, v);
        ps.setLong(1, id);
        ps.setObject(2, v);
        ps.executeUpdate();
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private static double l2(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  /** The distances of the k nearest to q by brute force, nearest first; NULLs for a NULL q. */
  private List<Double> nearest(float[] q, int k, long except) {
    List<Double> d = new ArrayList<>();
    for (Map.Entry<Long, float[]> e : vectors.entrySet()) {
      if (e.getKey() != except) {
        d.add(q == null || e.getValue() == null ? null : l2(q, e.getValue()));
      }
    }
    d.sort(Comparator.nullsLast(Comparator.naturalOrder()));
    return d.subList(0, Math.min(k, d.size()));
  }

  @Test
  void lateralNearestNeighboursPerOuterRowMatchBruteForce() throws SQLException {
    Map<Long, List<Double>> found = new HashMap<>();
    for (List<Object> r : rows(c, "SELECT t.id, n.d FROM t CROSS JOIN LATERAL "
        + "(SELECT t2.v <-> t.v AS d FROM t t2 ORDER BY t2.v <-> t.v LIMIT 3) n")) {
      found.computeIfAbsent(((Number) r.get(0)).longValue(), k -> new ArrayList<>())
          .add((Double) r.get(1));
    }
    assertEquals(ROWS, found.size(), "every outer row has its neighbours");
    for (Map.Entry<Long, float[]> e : vectors.entrySet()) {
      List<Double> got = found.get(e.getKey());
      List<Double> want = nearest(e.getValue(), 3, -1);
      assertEquals(want.size(), got.size(), "row " + e.getKey());
      for (int i = 0; i < want.size(); i++) {
        if (want.get(i) == null) {
          assertEquals(null, got.get(i), "row " + e.getKey());
        } else {
          assertEquals(want.get(i), got.get(i), 1e-5, "row " + e.getKey());
        }
      }
    }
    update(c, "CREATE INDEX t_v ON t USING HNSW (v)");
    List<List<Object>> indexed = rows(c, "SELECT t.id, n.id FROM t CROSS JOIN LATERAL "
        + "(SELECT id FROM t t2 ORDER BY t2.v <-> t.v LIMIT 3) n");
    assertEquals(ROWS * 3, indexed.size(), "with an index too, three per outer row");
  }

  @Test
  void correlatedScalarSubqueryOverDistancesMatchesBruteForce() throws SQLException {
    Map<Long, Double> got = new HashMap<>();
    for (List<Object> r : rows(c, "SELECT a.id, (SELECT MIN(b.v <-> a.v) FROM t b "
        + "WHERE b.id <> a.id) FROM t a")) {
      got.put(((Number) r.get(0)).longValue(), (Double) r.get(1));
    }
    assertEquals(ROWS, got.size());
    for (Map.Entry<Long, float[]> e : vectors.entrySet()) {
      Double want = nearest(e.getValue(), 1, e.getKey()).get(0);
      if (want == null) {
        assertEquals(null, got.get(e.getKey()), "row " + e.getKey());
      } else {
        assertEquals(want, got.get(e.getKey()), 1e-5, "row " + e.getKey());
      }
    }
  }

  @Test
  void aNullQueryVectorStillReturnsTheRows() throws SQLException {
    assertEquals(10, rows(c, "SELECT id, v <-> CAST(NULL AS VECTOR(" + DIM + ")) FROM t "
        + "ORDER BY v <-> CAST(NULL AS VECTOR(" + DIM + ")) LIMIT 10").size());
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM t ORDER BY v <-> ? LIMIT 1000")) {
      ps.setObject(1, null);
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(ROWS, Sql.read(rs).size());
      }
    }
  }

  @Test
  void nanDistancesSortAfterEveryNumberAndMaxReturnsThem() throws SQLException {
    update(c, "CREATE TABLE z (id BIGINT PRIMARY KEY, v VECTOR(2))");
    update(c, "INSERT INTO z VALUES (1, '[1,0]'), (2, '[0,0]'), (3, '[0,1]'), (4, NULL), "
        + "(5, '[1,1]'), (6, '[0,0]')");
    String d = "v <=> '[1,0]'";
    assertEquals(List.of("1", "5", "3", "2", "6", "4"),
        ids("SELECT id FROM z ORDER BY " + d + ", id"));
    assertEquals(List.of("1", "5", "3", "2", "6", "4"), ids("SELECT id FROM z ORDER BY " + d));
    assertEquals(List.of("4", "2", "6", "3", "5", "1"),
        ids("SELECT id FROM z ORDER BY " + d + " DESC"), "PostgreSQL: NULLs first, then NaN");
    assertEquals(List.of("2", "6"), ids("SELECT id FROM (SELECT id, " + d + " AS x FROM z "
        + "ORDER BY x DESC NULLS LAST LIMIT 2) s ORDER BY id"));
    for (String order : new String[] {"id", "id DESC"}) {
      List<Object> r = rows(c, "SELECT MAX(x), MIN(x) FROM (SELECT " + d + " AS x FROM z "
          + "ORDER BY " + order + " LIMIT 100) s").get(0);
      assertTrue(Double.isNaN((Double) r.get(0)), "MAX is NaN whatever the row order " + order);
      assertEquals(0.0, (Double) r.get(1), 1e-9, "MIN ignores NaN, which is largest");
    }
    assertTrue(Double.isNaN((Double) rows(c, "SELECT MIN(" + d + ") FROM z WHERE id IN (2, 6)")
        .get(0).get(0)), "MIN of NaNs only is NaN");
  }

  private List<String> ids(String sql) throws SQLException {
    return Sql.text(c, sql);
  }

  @Test
  void mergeMatchesH2OnTheSameRows() throws SQLException {
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:merge" + System.nanoTime())) {
      String[] setup = {
          "CREATE TABLE m (id BIGINT PRIMARY KEY, n INTEGER, tag VARCHAR(10))",
          "CREATE TABLE src (id INTEGER PRIMARY KEY, n INTEGER)",
          "INSERT INTO m VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, NULL)",
          "INSERT INTO src VALUES (2, 20), (3, 30), (4, 40), (5, 50)"};
      String[] merges = {
          "MERGE INTO m USING src s ON m.id = s.id WHEN MATCHED THEN UPDATE SET n = s.n "
              + "WHEN NOT MATCHED THEN INSERT (id, n) VALUES (s.id, s.n)",
          "MERGE INTO m AS t USING (SELECT id, n FROM src WHERE n > 30) s ON t.id = s.id "
              + "WHEN MATCHED THEN UPDATE SET n = t.n + s.n, tag = 'upd'",
          "MERGE INTO m USING (SELECT id + 10 AS id, n FROM src) s ON m.id = s.id "
              + "WHEN NOT MATCHED THEN INSERT (id, n, tag) VALUES (s.id, s.n * 2, 'new')",
          "MERGE INTO m USING (SELECT id, n FROM src) s ON m.id = s.id "
              + "WHEN MATCHED THEN UPDATE SET tag = 'x' WHEN NOT MATCHED THEN INSERT "
              + "VALUES (s.id, 0, 'y')"};
      for (String sql : setup) {
        update(c, sql);
        update(h2, sql);
      }
      for (String sql : merges) {
        assertEquals(update(h2, sql), update(c, sql), sql);
        assertEquals(Sql.text(h2, "SELECT * FROM m ORDER BY id"),
            Sql.text(c, "SELECT * FROM m ORDER BY id"), sql);
      }
      update(c, "INSERT INTO src VALUES (6, 1), (7, 1)");
      fails("21000", () -> update(c, "MERGE INTO m USING (SELECT 1 AS id, n FROM src) s "
          + "ON m.id = s.id WHEN MATCHED THEN UPDATE SET n = s.n"));
      assertTrue(String.join("\n", Sql.text(c, "EXPLAIN PLAN FOR " + merges[0]))
          .contains("Join"), "EXPLAIN shows the plan MERGE runs");
    }
  }

  /** Random text from several planes: CJK, emoji, accents and combining marks, RTL. */
  private static String unicode(Random random) {
    int[][] ranges = {{0x4E00, 0x9FFF}, {0x1F300, 0x1F6FF}, {0x00C0, 0x017F}, {0x0300, 0x036F},
        {0x0590, 0x05FF}, {0x0041, 0x007A}, {0x20000, 0x2A6DF}};
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(12);
    for (int i = 0; i < n; i++) {
      int[] r = ranges[random.nextInt(ranges.length)];
      s.appendCodePoint(r[0] + random.nextInt(r[1] - r[0]));
    }
    return s.toString();
  }

  @Test
  void unicodeTextRoundTripsThroughLiteralsParametersAndCopy() throws Exception {
    update(c, "CREATE TABLE s (id BIGINT PRIMARY KEY, name VARCHAR(40))");
    update(c, "CREATE TABLE k (name VARCHAR(40) PRIMARY KEY, id BIGINT)");
    update(c, "INSERT INTO s VALUES (0, '向量数据库')");
    assertEquals("向量数据库", Sql.value(c, "SELECT name FROM s WHERE name = '向量数据库'"));
    Random random = new Random(11);
    Map<Long, String> written = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO s VALUES (?, ?)");
         PreparedStatement key = c.prepareStatement("INSERT INTO k VALUES (?, ?)");
         Statement st = c.createStatement()) {
      for (long id = 1; id <= 200; id++) {
        String text = unicode(random);
        written.put(id, text);
        if (id % 2 == 0) {
          ps.setLong(1, id);
          ps.setString(2, text);
          ps.executeUpdate();
        } else {
          st.executeUpdate("INSERT INTO s VALUES (" + id + ", '" + text + "')");
        }
        key.setString(1, text + id);
        key.setLong(2, id);
        key.executeUpdate();
      }
    }
    for (Map.Entry<Long, String> e : written.entrySet()) {
      assertEquals(e.getValue(), Sql.value(c, "SELECT name FROM s WHERE id = ?", e.getKey()));
      assertEquals(e.getKey(), Sql.value(c, "SELECT id FROM k WHERE name = ?",
          e.getValue() + e.getKey()), "a text key is found by its text");
    }
    update(c, "COPY s TO 'names.csv' WITH (FORMAT csv, HEADER)");
    String csv = Files.readString(dir.resolve("names.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.contains(written.get(7L)), "COPY TO writes UTF-8");
    update(c, "CREATE TABLE s2 (id BIGINT PRIMARY KEY, name VARCHAR(40))");
    update(c, "COPY s2 FROM 'names.csv' WITH (FORMAT csv, HEADER)");
    assertEquals(Sql.text(c, "SELECT * FROM s ORDER BY id"),
        Sql.text(c, "SELECT * FROM s2 ORDER BY id"), "COPY FROM reads it back");
    SQLException e = fails("22021", () -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO s VALUES (9999, ?)")) {
        ps.setString(1, "a\uD800b");
        ps.executeUpdate();
      }
    });
    assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
    fails("22021", () -> update(c, "INSERT INTO k VALUES ('x\uDC00', 1)"));
    assertEquals(List.of(), Sql.text(c, "SELECT id FROM k WHERE name = ?", "?"),
        "an unpaired surrogate looked up meets no '?'");
    assertEquals(0L, Sql.value(c, "SELECT COUNT(*) FROM k WHERE name = ?", "\uD800"));
  }
}
