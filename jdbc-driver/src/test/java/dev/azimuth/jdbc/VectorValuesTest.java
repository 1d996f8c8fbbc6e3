package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VectorValuesTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, embedding VECTOR(3))");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private float[] stored(long id) throws SQLException {
    return (float[]) Sql.value(c, "SELECT embedding FROM t WHERE id = ?", id);
  }

  @Test
  void everyLiteralFormIsAVector() throws SQLException {
    update(c, "INSERT INTO t VALUES (1, '[1, 2.5, -3]'), (2, CAST('[4,5,6]' AS VECTOR(3))), "
        + "(3, ARRAY[1.0, 2.5, -3.0]), (4, TO_VECTOR('[7,8,9]'))");
    assertArrayEquals(new float[] {1, 2.5f, -3}, stored(1));
    assertArrayEquals(new float[] {4, 5, 6}, stored(2));
    assertArrayEquals(new float[] {1, 2.5f, -3}, stored(3));
    assertArrayEquals(new float[] {7, 8, 9}, stored(4));
  }

  @Test
  void parametersBindFromFloatArraysAndText() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      ps.setLong(1, 1);
      ps.setObject(2, new float[] {0.5f, 1, 2});
      ps.executeUpdate();
      ps.setLong(1, 2);
      ps.setString(2, "[1,2,3]");
      ps.executeUpdate();
      ps.setLong(1, 3);
      ps.setNull(2, Types.OTHER);
      ps.executeUpdate();
    }
    assertArrayEquals(new float[] {0.5f, 1, 2}, stored(1));
    assertArrayEquals(new float[] {1, 2, 3}, stored(2));
    assertNull(stored(3));
  }

  @Test
  void vectorsReadAsFloatArraysAndText() throws SQLException {
    update(c, "INSERT INTO t VALUES (1, '[1,2,3]'), (2, NULL)");
    try (ResultSet rs = c.createStatement().executeQuery("SELECT id, embedding FROM t "
        + "ORDER BY id")) {
      assertEquals(Types.OTHER, rs.getMetaData().getColumnType(2));
      assertEquals("VECTOR(3)", rs.getMetaData().getColumnTypeName(2));
      assertTrue(rs.next());
      assertArrayEquals(new float[] {1, 2, 3}, (float[]) rs.getObject(2));
      assertArrayEquals(new float[] {1, 2, 3}, rs.getObject("EMBEDDING", float[].class));
      assertEquals("[1.0,2.0,3.0]", rs.getString(2));
      assertEquals("[1.0,2.0,3.0]", rs.getString("embedding"));
      assertTrue(rs.next());
      assertNull(rs.getObject(2));
      assertNull(rs.getString(2));
      assertTrue(rs.wasNull());
      fails("22000", () -> rs.getInt(2));
    }
  }

  @Test
  void wrongDimensionNamesColumnExpectedAndActual() throws SQLException {
    SQLException literal = fails("22000", () -> update(c, "INSERT INTO t VALUES (1, '[1,2]')"));
    assertTrue(literal.getMessage().contains("column EMBEDDING expects 3 dimensions, not 2"),
        literal.getMessage());
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      ps.setLong(1, 1);
      ps.setObject(2, new float[] {1, 2, 3, 4});
      SQLException param = fails("22000", ps::executeUpdate);
      assertTrue(param.getMessage().contains("expected 3 dimensions, not 4"), param.getMessage());
    }
    SQLException select = fails("22000", () -> update(c,
        "INSERT INTO t SELECT 9, ARRAY[1.0, 2.0] FROM (VALUES (1))"));
    assertTrue(select.getMessage().contains("3 dimensions"), select.getMessage());
    SQLException upd = fails("22000", () -> update(c, "UPDATE t SET embedding = '[1]'"));
    assertTrue(upd.getMessage().contains("EMBEDDING"), upd.getMessage());
    SQLException cast = fails("22000", () -> update(c,
        "INSERT INTO t VALUES (1, CAST('[1,2]' AS VECTOR(3)))"));
    assertTrue(cast.getMessage().contains("expected 3 dimensions, not 2"), cast.getMessage());
  }

  @Test
  void malformedAndNonFiniteVectorsAreRejected() throws SQLException {
    SQLException malformed = fails("22P02",
        () -> update(c, "INSERT INTO t VALUES (1, '[1,2,three]')"));
    assertTrue(malformed.getMessage().contains("malformed vector literal"),
        malformed.getMessage());
    fails("22P02", () -> update(c, "INSERT INTO t VALUES (1, '1,2,3')"));
    fails("22P02", () -> update(c, "INSERT INTO t VALUES (1, '[1,NaN,3]')"));
    fails("22000", () -> update(c, "INSERT INTO t VALUES (1, '[1,1e39,3]')"));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      ps.setLong(1, 1);
      ps.setObject(2, new float[] {1, Float.NaN, 3});
      SQLException nan = fails("22000", ps::executeUpdate);
      assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
      ps.setObject(2, new float[] {Float.POSITIVE_INFINITY, 0, 0});
      fails("22000", ps::executeUpdate);
      ps.setString(2, "[1,2");
      fails("22P02", ps::executeUpdate);
    }
    assertEquals(0L, ((Number) Sql.value(c, "SELECT count(*) FROM t")).longValue());
  }

  @Test
  void vectorsCannotBeOrderedOrGroupedOrCompared() throws SQLException {
    update(c, "INSERT INTO t VALUES (1, '[1,2,3]')");
    fails("42804", () -> Sql.rows(c, "SELECT id FROM t ORDER BY embedding"));
    fails("42804", () -> Sql.rows(c, "SELECT embedding, count(*) FROM t GROUP BY embedding"));
    fails("42804", () -> Sql.rows(c, "SELECT DISTINCT embedding FROM t"));
    fails("42883", () -> Sql.rows(c, "SELECT id FROM t WHERE embedding = '[1,2,3]'"));
  }
}
