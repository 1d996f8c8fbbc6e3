package dev.azimuth.jdbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fused queries are planned once: a prepared statement keeps its plan, and ad-hoc statements
 * that differ only in their vector literals share one through the shape cache. Each result is
 * checked against RRF computed here from the inputs run as queries of their own.
 */
class FusionPlanReuseTest {
  private static final int ROWS = 400;
  private static final int DIM = 4;
  private static final String VECTOR_INPUT = "SELECT id FROM t ORDER BY v <-> %s LIMIT 20";
  private static final String FILTERED_INPUT =
      "SELECT id FROM t WHERE n < 5 ORDER BY v <=> %s LIMIT 20";
  private Connection c;

  @BeforeEach
  void load() throws SQLException {
    c = DriverManager.getConnection("jdbc:azimuth:mem:");
    try (Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER, v VECTOR(" + DIM
          + "))");
    }
    Random random = new Random(9);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        ps.setLong(1, i);
        ps.setInt(2, i % 10);
        ps.setObject(3, vector(random));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private static float[] vector(Random random) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = random.nextFloat() * 2 - 1;
    }
    return v;
  }

  private static String literal(float[] v) {
    StringBuilder b = new StringBuilder("'[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ",").append(v[i]);
    }
    return b.append("]'").toString();
  }

  private static String fused(String first, String second) {
    return "SELECT id, score FROM TABLE(RRF(CURSOR(" + String.format(VECTOR_INPUT, first)
        + "), CURSOR(" + String.format(FILTERED_INPUT, second) + "), 60))";
  }

  private long plans() {
    return ((AzimuthConnection) c).engine().plansMade();
  }

  private List<Long> ids(String sql) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /** RRF with k = 60 of the two inputs run on their own: "id|score" best first. */
  private List<String> expected(float[] q) throws SQLException {
    List<List<Long>> inputs = List.of(ids(String.format(VECTOR_INPUT, literal(q))),
        ids(String.format(FILTERED_INPUT, literal(q))));
    Map<Long, double[]> parts = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      for (int rank = 1; rank <= inputs.get(i).size(); rank++) {
        parts.computeIfAbsent(inputs.get(i).get(rank - 1), x -> new double[2])[i] =
            1.0 / (60 + rank);
      }
    }
    List<Map.Entry<Long, Double>> scored = new ArrayList<>();
    for (Map.Entry<Long, double[]> e : parts.entrySet()) {
      double[] p = e.getValue().clone();
      Arrays.sort(p);
      scored.add(Map.entry(e.getKey(), p[0] + p[1]));
    }
    scored.sort(Comparator.comparing((Map.Entry<Long, Double> e) -> -e.getValue())
        .thenComparing(Map.Entry::getKey));
    return scored.stream().map(e -> e.getKey() + "|" + e.getValue()).toList();
  }

  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getLong(1) + "|" + rs.getDouble(2));
      }
    }
    return out;
  }

  @Test
  void aPreparedFusionPlansOnce() throws SQLException {
    Random random = new Random(1);
    // The expected answers run the inputs as ad-hoc statements: plan their shapes first.
    expected(vector(random));
    long before = plans();
    try (PreparedStatement ps = c.prepareStatement(fused("?", "?"))) {
      for (int i = 0; i < 30; i++) {
        float[] q = vector(random);
        ps.setObject(1, q);
        ps.setObject(2, q);
        assertEquals(expected(q), rows(ps.executeQuery()));
      }
    }
    assertEquals(1, plans() - before);
  }

  @Test
  void adHocFusionsOfOneShapePlanOnce() throws SQLException {
    Random random = new Random(2);
    expected(vector(random));
    long before = plans();
    for (int i = 0; i < 20; i++) {
      float[] q = vector(random);
      List<String> want = expected(q);
      try (Statement s = c.createStatement()) {
        assertEquals(want, rows(s.executeQuery(fused(literal(q), literal(q)))));
      }
    }
    assertEquals(1, plans() - before, "20 fused statements differing in their vectors");
  }

  @Test
  void adHocHybridSearchesOfOneShapePlanOnce() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(100), "
          + "v VECTOR(" + DIM + "))");
      s.executeUpdate("INSERT INTO notes VALUES (1, 'red apple', '[1,0,0,0]'), "
          + "(2, 'green apple', '[0,1,0,0]'), (3, 'red car', '[0,0,1,0]')");
    }
    String[] words = {"red", "apple", "green", "car"};
    long before = plans();
    for (int i = 0; i < words.length; i++) {
      float[] q = new float[DIM];
      q[i % DIM] = 1;
      String sql = "SELECT id, score FROM TABLE(RRF(CURSOR(SELECT id FROM notes ORDER BY v <-> "
          + literal(q) + " LIMIT 2), CURSOR(SELECT id FROM notes WHERE TEXT_MATCH(body, '"
          + words[i] + "') ORDER BY BM25(body, '" + words[i] + "') DESC LIMIT 2)))";
      try (Statement s = c.createStatement()) {
        assertEquals(false, rows(s.executeQuery(sql)).isEmpty(), sql);
      }
    }
    assertEquals(1, plans() - before, "vectors and words are lifted out of the inputs");
  }
}
