package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DdlTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = Sql.memory();
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void createsEveryColumnType() throws SQLException {
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, b BOOLEAN, i INTEGER, r REAL, "
        + "d DOUBLE, m DECIMAL(8,3), s VARCHAR, s10 VARCHAR(10), dt DATE, ts TIMESTAMP, "
        + "v VECTOR(4) NOT NULL)");
    update(c, "INSERT INTO t VALUES (1, TRUE, 7, 1.5, 2.5, 12.345, 'x', 'y', DATE '2024-02-29', "
        + "TIMESTAMP '2024-02-29 12:34:56', '[1,2,3,4]')");
    assertEquals("1|true|7|1.5|2.5|12.345|x|y|2024-02-29|2024-02-29 12:34:56.0|[1.0, 2.0, 3.0, 4.0]",
        Sql.text(c, "SELECT * FROM t").get(0));
  }

  @Test
  void ifNotExistsAndIfExists() throws SQLException {
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY)");
    update(c, "CREATE TABLE IF NOT EXISTS t (id VARCHAR PRIMARY KEY, x INTEGER)");
    fails("42P07", () -> update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY)"));
    update(c, "DROP TABLE t");
    fails("42P01", () -> update(c, "DROP TABLE t"));
    update(c, "DROP TABLE IF EXISTS t");
    update(c, "CREATE TABLE public.t (k VARCHAR, PRIMARY KEY (k))");
    update(c, "INSERT INTO t VALUES ('a')");
    assertEquals(1L, ((Number) Sql.value(c, "SELECT count(*) FROM public.t")).longValue());
  }

  @Test
  void dropTableRemovesItsRows() throws SQLException {
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(2))");
    update(c, "INSERT INTO t VALUES (1, '[1,2]')");
    update(c, "DROP TABLE t");
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(2))");
    assertEquals(0L, ((Number) Sql.value(c, "SELECT count(*) FROM t")).longValue());
  }

  @Test
  void executeReportsDdlAsUpdateCountZero() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertEquals(false, s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)"));
      assertEquals(0, s.getUpdateCount());
    }
  }

  @Test
  void rejectsBadDefinitionsWithClearMessages() {
    assertTrue(fails("42P16", () -> update(c, "CREATE TABLE t (\"$ROWID\" BIGINT)"))
        .getMessage().contains("reserved"));
    assertTrue(fails("0A000", () -> update(c,
        "CREATE TABLE t (a BIGINT, v VECTOR(2), UNIQUE (a, v))")).getMessage()
        .contains("VECTOR column cannot be part of a unique key"));
    assertTrue(fails("42P16", () -> update(c, "CREATE TABLE t (id DOUBLE PRIMARY KEY)"))
        .getMessage().contains("INTEGER, BIGINT or VARCHAR"));
    assertTrue(fails("42P16", () -> update(c,
        "CREATE TABLE t (id BIGINT PRIMARY KEY, x INTEGER, x BIGINT)")).getMessage()
        .contains("X is declared more than once"));
    fails("42703", () -> update(c, "CREATE TABLE t (id BIGINT, PRIMARY KEY (nope))"));
    fails("22023", () -> update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(0))"));
    fails("22023", () -> update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(16001))"));
    assertTrue(fails("0A000", () -> update(c,
        "CREATE TABLE t (id BIGINT PRIMARY KEY, x VARBINARY(3))")).getMessage()
        .contains("VECTOR(n)"));
  }

  @Test
  void largestVectorDimensionIsAccepted() throws SQLException {
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(16000))");
    try (var ps = c.prepareStatement("INSERT INTO t VALUES (1, ?)")) {
      ps.setObject(1, new float[16000]);
      assertEquals(1, ps.executeUpdate());
    }
    assertEquals(16000, Sql.value(c, "SELECT VECTOR_DIMS(v) FROM t"));
  }
}
