package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY distance LIMIT k over seeded random data, checked against distances computed here in
 * double precision: the same rows, in the same order up to float rounding among near-ties.
 */
class ExactTopKTest {
  private static final int ROWS = 3000;
  private static final int DIM = 48;
  private static final double TIE = 1e-4;
  private static Connection c;
  private static final List<float[]> VECTORS = new ArrayList<>();
  private static final List<Integer> CATEGORY = new ArrayList<>();

  @BeforeAll
  static void load() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE items (id BIGINT PRIMARY KEY, category INTEGER, v VECTOR(" + DIM
        + "))");
    Random random = new Random(42);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO items VALUES (?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
          v[d] = (float) random.nextGaussian();
        }
        VECTORS.add(v);
        CATEGORY.add(i % 7);
        ps.setLong(1, i);
        ps.setInt(2, i % 7);
        ps.setObject(3, v);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  static double l2(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  static double cosine(float[] a, float[] b) {
    return 1 - dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
  }

  static double l1(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs((double) a[i] - b[i]);
    }
    return s;
  }

  private static float[] query(int seed) {
    Random r = new Random(seed);
    float[] q = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      q[d] = (float) r.nextGaussian();
    }
    return q;
  }

  /** Naive answer: ids of the rows passing the filter, ascending by distance, [offset, k). */
  private static List<Long> naive(BiFunction<float[], float[], Double> distance, float[] q,
      Predicate<Integer> filter, int k, int offset) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      if (filter.test(i)) {
        ids.add(i);
      }
    }
    ids.sort(Comparator.comparingDouble(i -> distance.apply(VECTORS.get(i), q)));
    return ids.subList(offset, Math.min(ids.size(), offset + k)).stream()
        .map(Integer::longValue).toList();
  }

  private static void check(String sql, BiFunction<float[], float[], Double> distance,
      boolean descending, Predicate<Integer> filter, int k, int offset) throws SQLException {
    for (int seed = 1; seed <= 5; seed++) {
      float[] q = query(seed);
      BiFunction<float[], float[], Double> order = descending
          ? (a, b) -> -distance.apply(a, b) : distance;
      List<Long> expected = naive(order, q, filter, k, offset);
      List<Long> got = new ArrayList<>();
      List<Double> gotDistance = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setObject(1, q);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            got.add(rs.getLong(1));
            gotDistance.add(rs.getDouble(2));
          }
        }
      }
      assertEquals(expected.size(), got.size(), sql);
      for (int i = 0; i < got.size(); i++) {
        double want = distance.apply(VECTORS.get(expected.get(i).intValue()), q);
        double have = distance.apply(VECTORS.get(got.get(i).intValue()), q);
        assertEquals(want, have, TIE, sql + " rank " + i + ": expected id " + expected.get(i)
            + " got " + got.get(i));
        assertEquals(have, gotDistance.get(i), TIE, "reported distance of id " + got.get(i));
        assertTrue(filter.test(got.get(i).intValue()), "row " + got.get(i) + " fails the filter");
      }
    }
  }

  @Test
  void l2() throws SQLException {
    check("SELECT id, v <-> ? AS d FROM items ORDER BY d LIMIT 10", ExactTopKTest::l2, false,
        i -> true, 10, 0);
  }

  @Test
  void cosine() throws SQLException {
    check("SELECT id, COSINE_DISTANCE(v, ?) FROM items ORDER BY 2 LIMIT 10",
        ExactTopKTest::cosine, false, i -> true, 10, 0);
  }

  @Test
  void negativeInnerProduct() throws SQLException {
    check("SELECT id, v <#> ? FROM items ORDER BY 2 LIMIT 10", (a, b) -> -dot(a, b), false,
        i -> true, 10, 0);
  }

  @Test
  void innerProductDescending() throws SQLException {
    check("SELECT id, INNER_PRODUCT(v, ?) AS ip FROM items ORDER BY ip DESC LIMIT 10",
        ExactTopKTest::dot, true, i -> true, 10, 0);
  }

  @Test
  void l1WithOffset() throws SQLException {
    check("SELECT id, v <+> ? FROM items ORDER BY 2 LIMIT 7 OFFSET 5", ExactTopKTest::l1, false,
        i -> true, 7, 5);
  }

  @Test
  void filteredSearchRanksOnlyMatchingRows() throws SQLException {
    check("SELECT id, v <-> ? FROM items WHERE category = 3 AND id < 2000 ORDER BY 2 LIMIT 10",
        ExactTopKTest::l2, false, i -> CATEGORY.get(i) == 3 && i < 2000, 10, 0);
    check("SELECT id, v <=> ? FROM items WHERE id IN (5, 17, 400) ORDER BY 2 LIMIT 10",
        ExactTopKTest::cosine, false, i -> i == 5 || i == 17 || i == 400, 10, 0);
  }

  @Test
  void distanceNeedNotBeSelected() throws SQLException {
    float[] q = query(9);
    List<Long> expected = naive(ExactTopKTest::l2, q, i -> true, 3, 0);
    assertEquals(expected, Sql.rows(c, "SELECT id FROM items ORDER BY v <-> ? LIMIT 3", q)
        .stream().map(r -> (Long) r.get(0)).toList());
  }
}
