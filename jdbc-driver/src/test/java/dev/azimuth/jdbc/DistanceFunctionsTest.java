package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.update;
import static dev.azimuth.jdbc.Sql.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each distance function against values worked out by hand, with pgvector's semantics. */
class DistanceFunctionsTest {
  private static final double EPS = 1e-6;
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, a VECTOR(3), b VECTOR(3))");
    update(c, "INSERT INTO t VALUES (1, '[1,2,2]', '[4,6,2]'), (2, '[0,0,0]', '[1,0,0]'), "
        + "(3, NULL, '[1,1,1]')");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private double num(String sql) throws SQLException {
    return ((Number) value(c, sql)).doubleValue();
  }

  @Test
  void functionsAndOperatorsAgreeWithHandComputation() throws SQLException {
    // a = (1,2,2), b = (4,6,2): a-b = (-3,-4,0); |a| = 3, |b| = sqrt(56); a.b = 20.
    assertEquals(5.0, num("SELECT L2_DISTANCE(a, b) FROM t WHERE id = 1"), EPS);
    assertEquals(5.0, num("SELECT a <-> b FROM t WHERE id = 1"), EPS);
    double cosine = 1 - 20 / (3 * Math.sqrt(56));
    assertEquals(cosine, num("SELECT COSINE_DISTANCE(a, b) FROM t WHERE id = 1"), EPS);
    assertEquals(cosine, num("SELECT a <=> b FROM t WHERE id = 1"), EPS);
    assertEquals(20.0, num("SELECT INNER_PRODUCT(a, b) FROM t WHERE id = 1"), EPS);
    assertEquals(-20.0, num("SELECT a <#> b FROM t WHERE id = 1"), EPS);
    assertEquals(-20.0, num("SELECT NEGATIVE_INNER_PRODUCT(a, b) FROM t WHERE id = 1"), EPS);
    assertEquals(7.0, num("SELECT L1_DISTANCE(a, b) FROM t WHERE id = 1"), EPS);
    assertEquals(7.0, num("SELECT a <+> b FROM t WHERE id = 1"), EPS);
  }

  @Test
  void vectorHelpers() throws SQLException {
    assertEquals(3, value(c, "SELECT VECTOR_DIMS(a) FROM t WHERE id = 1"));
    assertEquals(3.0, num("SELECT VECTOR_NORM(a) FROM t WHERE id = 1"), EPS);
    assertArrayEquals(new float[] {1 / 3f, 2 / 3f, 2 / 3f},
        (float[]) value(c, "SELECT L2_NORMALIZE(a) FROM t WHERE id = 1"), 1e-6f);
    assertArrayEquals(new float[] {0, 0, 0},
        (float[]) value(c, "SELECT L2_NORMALIZE(a) FROM t WHERE id = 2"));
    assertEquals(5.0, num("SELECT VECTOR_NORM('[3,4]')"), EPS);
  }

  @Test
  void literalsParametersAndArraysMixWithColumns() throws SQLException {
    assertEquals(5.0, num("SELECT a <-> '[4,6,2]' FROM t WHERE id = 1"), EPS);
    assertEquals(5.0, num("SELECT '[1,2,2]' <-> '[4,6,2]'"), EPS);
    assertEquals(5.0, num("SELECT L2_DISTANCE(ARRAY[1,2,2], ARRAY[4,6,2])"), EPS);
    assertEquals(5.0, ((Number) value(c, "SELECT a <-> ? FROM t WHERE id = 1",
        new float[] {4, 6, 2})).doubleValue(), EPS);
    assertEquals(5.0, ((Number) value(c, "SELECT L2_DISTANCE(?, a) FROM t WHERE id = 1",
        "[4,6,2]")).doubleValue(), EPS);
  }

  @Test
  void nullsAndZeroVectorsFollowPgvector() throws SQLException {
    assertNull(value(c, "SELECT a <-> b FROM t WHERE id = 3"));
    assertTrue(Double.isNaN(num("SELECT a <=> b FROM t WHERE id = 2")),
        "cosine distance to a zero vector is NaN");
    assertEquals(List.of(List.of(1L), List.of(2L)),
        Sql.rows(c, "SELECT id FROM t WHERE a <-> b < 6 ORDER BY id"));
  }

  @Test
  void mismatchedDimensionsAndNonVectorsAreErrors() {
    assertTrue(fails("22000", () -> value(c, "SELECT L2_DISTANCE('[1,2]', '[1,2,3]')"))
        .getMessage().contains("2 and 3"));
    assertTrue(fails("22000", () -> value(c, "SELECT a <-> '[1,2]' FROM t WHERE id = 1"))
        .getMessage().contains("expected 3 dimensions, not 2"));
    fails("42804", () -> value(c, "SELECT L2_DISTANCE(id, a) FROM t WHERE id = 1"));
    fails("42883", () -> value(c, "SELECT a + 1 FROM t WHERE id = 1"));
  }
}
