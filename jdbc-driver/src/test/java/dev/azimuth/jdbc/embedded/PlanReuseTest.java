package dev.azimuth.jdbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans are made once per statement shape: prepared statements keep theirs, and ad-hoc
 * statements that differ only in literal values share one, with the same results, result types
 * and errors as if each had been planned with its literals.
 */
class PlanReuseTest {
  private static final int ROWS = 300;
  private static final int DIM = 4;
  private final List<float[]> vectors = new ArrayList<>();
  private Connection c;

  @BeforeEach
  void load() throws SQLException {
    c = DriverManager.getConnection("jdbc:azimuth:mem:");
    update("CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER, r REAL, name VARCHAR, "
        + "born DATE, v VECTOR(" + DIM + ") NOT NULL)");
    Random random = new Random(7);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        float[] v = randomVector(random);
        vectors.add(v);
        ps.setLong(1, i);
        ps.setInt(2, i % 10);
        ps.setFloat(3, i % 3 == 0 ? 0.1f : i);
        ps.setString(4, i % 5 == 0 ? "a " : "a");
        ps.setObject(5, java.time.LocalDate.of(2020, 1, 1 + i % 28));
        ps.setObject(6, v);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void preparedTopKPlansOnce() throws SQLException {
    Random random = new Random(1);
    long before = plans();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM t ORDER BY v <-> ? LIMIT 5")) {
      for (int i = 0; i < 100; i++) {
        float[] q = randomVector(random);
        ps.setObject(1, q);
        assertEquals(nearest(q, 5, id -> true), ids(ps.executeQuery()));
      }
    }
    assertEquals(1, plans() - before);
  }

  @Test
  void adHocStatementsOfOneShapePlanOnce() throws SQLException {
    Random random = new Random(2);
    long before = plans();
    for (int i = 0; i < 20; i++) {
      float[] q = randomVector(random);
      int n = i % 10;
      assertEquals(nearest(q, 5, id -> id % 10 > n), ids(query(
          "SELECT id FROM t WHERE n > " + n + " ORDER BY v <-> '" + text(q) + "' LIMIT 5")));
    }
    assertEquals(1, plans() - before);
    for (int i = 0; i < 5; i++) {
      float[] q = randomVector(random);
      assertEquals(nearest(q, 3, id -> id % 10 == 4), ids(query("SELECT id, v <-> '" + text(q)
          + "' AS d FROM t WHERE n = 4 AND name <> 'zz' ORDER BY d LIMIT 3")));
    }
    assertEquals(2, plans() - before);
  }

  @Test
  void limitsAndHintsMakeTheirOwnPlans() throws SQLException {
    float[] q = randomVector(new Random(3));
    long before = plans();
    for (int k : new int[] {3, 7, 3, 7}) {
      assertEquals(nearest(q, k, id -> true), ids(query(
          "SELECT id FROM t ORDER BY v <-> '" + text(q) + "' LIMIT " + k)));
    }
    assertEquals(2, plans() - before);
    assertEquals(nearest(q, 3, id -> true), ids(query(
        "SELECT /*+ EXACT */ id FROM t ORDER BY v <-> '" + text(q) + "' LIMIT 3")));
    assertEquals(3, plans() - before);
  }

  @Test
  void resultTypesAreThoseOfTheLiterals() throws SQLException {
    assertEquals(List.of(Types.INTEGER, Types.CHAR, Types.DECIMAL, Types.DATE),
        columnTypes("SELECT 1, 'a', 1.5, DATE '2020-01-02'"));
    String lifted = "SELECT id, n = 5 AS f, v <-> '[1,2,3,4]' AS d, name = 'a' AS g FROM t "
        + "WHERE born > DATE '2020-01-05' ORDER BY d LIMIT 2";
    // The same statement with literals the cache leaves alone, planned with them.
    String literal = "SELECT id, n = 5 + 0 AS f, v <-> CAST('[1,2,3,4]' AS VECTOR(4)) AS d, "
        + "name = 'a' || '' AS g FROM t WHERE born > DATE '2020-01-05' + INTERVAL '0' DAY "
        + "ORDER BY d LIMIT 2";
    assertEquals(describe(literal), describe(lifted));
    assertEquals(ResultSetMetaData.columnNoNulls,
        c.createStatement().executeQuery(lifted).getMetaData().isNullable(3));
    long before = plans();
    query(lifted.replace("n = 5", "n = 6").replace("[1,2,3,4]", "[4,3,2,1]"));
    assertEquals(0, plans() - before, "the lifted statement's shape is shared");
  }

  @Test
  void literalsThatDoNotFitTheirParameterMeanWhatTheyMeant() throws SQLException {
    query("SELECT id FROM t WHERE n = 1 ORDER BY id");
    assertEquals(List.of(), ids(query("SELECT id FROM t WHERE n = 99999999999 ORDER BY id")));
    assertEquals(List.of(), ids(query("SELECT id FROM t WHERE n = 2.5 ORDER BY id")));
    assertEquals(30, ids(query("SELECT id FROM t WHERE n = '3' ORDER BY id")).size());
    assertEquals(ids(query("SELECT id FROM t WHERE n < 2.5 + 0 ORDER BY id")),
        ids(query("SELECT id FROM t WHERE n < 2.5 ORDER BY id")));
    // Trailing spaces and REAL rounding are compared exactly as with the literal.
    assertEquals(ids(query("SELECT id FROM t WHERE name = 'a ' || '' ORDER BY id")),
        ids(query("SELECT id FROM t WHERE name = 'a ' ORDER BY id")));
    assertEquals(ids(query("SELECT id FROM t WHERE r = 0.1 + 0 ORDER BY id")),
        ids(query("SELECT id FROM t WHERE r = 0.1 ORDER BY id")));
  }

  @Test
  void errorsAreThoseOfTheLiterals() throws SQLException {
    String wrongLength = "SELECT id FROM t ORDER BY v <-> '[1,2,3]' LIMIT 2";
    String malformed = "SELECT id FROM t ORDER BY v <-> '[1,x,3,4]' LIMIT 2";
    SQLException unplanned = assertThrows(SQLException.class, () -> query(wrongLength));
    SQLException unplannedMalformed = assertThrows(SQLException.class, () -> query(malformed));
    query("SELECT id FROM t ORDER BY v <-> '[1,2,3,4]' LIMIT 2");
    for (String sql : List.of(wrongLength, malformed)) {
      SQLException expected = sql == malformed ? unplannedMalformed : unplanned;
      SQLException e = assertThrows(SQLException.class, () -> query(sql.replace("2", "2 ")));
      assertEquals(expected.getSQLState(), e.getSQLState());
      assertEquals(expected.getMessage(), e.getMessage());
      SQLException prepared = assertThrows(SQLException.class, () -> c.prepareStatement(sql));
      assertEquals(expected.getSQLState(), prepared.getSQLState());
    }
    assertEquals("22000", unplanned.getSQLState());
    assertTrue(unplanned.getMessage().contains("expected 4 dimensions, not 3"),
        unplanned.getMessage());
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM t WHERE n > ? AND name = 'a' ORDER BY v <-> '[1,2,3,4]' LIMIT 2")) {
      ps.setString(1, "x");
      SQLException e = assertThrows(SQLException.class, ps::executeQuery);
      assertEquals("22023", e.getSQLState());
      assertTrue(e.getMessage().startsWith("parameter 1"), e.getMessage());
      assertEquals(1, ps.getParameterMetaData().getParameterCount());
      ps.setInt(1, 8);
      assertEquals(nearest(new float[] {1, 2, 3, 4}, 2, id -> id % 10 > 8 && id % 5 != 0),
          ids(ps.executeQuery()));
    }
  }

  private long plans() {
    return ((AzimuthConnection) c).engine().plansMade();
  }

  private void update(String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private ResultSet query(String sql) throws SQLException {
    return c.createStatement().executeQuery(sql);
  }

  private static List<Long> ids(ResultSet rs) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private List<Integer> columnTypes(String sql) throws SQLException {
    try (ResultSet rs = query(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      return IntStream.rangeClosed(1, md.getColumnCount()).mapToObj(i -> {
        try {
          return md.getColumnType(i);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
  }

  private List<String> describe(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = query(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnLabel(i) + " " + md.getColumnTypeName(i) + "(" + md.getPrecision(i)
            + "," + md.getScale(i) + ") nullable=" + md.isNullable(i));
      }
    }
    return out;
  }

  private List<Long> nearest(float[] q, int k, IntPredicate keep) {
    return IntStream.range(0, ROWS).filter(keep).boxed()
        .sorted(Comparator.comparingDouble(i -> l2(vectors.get(i), q)))
        .limit(k).map(Long::valueOf).toList();
  }

  private static double l2(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  private static float[] randomVector(Random random) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return v;
  }

  private static String text(float[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ",").append(v[i]);
    }
    return b.append(']').toString();
  }
}
