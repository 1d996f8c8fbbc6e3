package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear SQLException with a SQLSTATE; the database stays usable. */
class ErrorsTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR, price DOUBLE, v VECTOR(2))");
    update(c, "INSERT INTO t VALUES (1, 'a', 1.0, '[1,2]')");
  }

  @AfterEach
  void close() throws SQLException {
    assertEquals(List.of("1|a|1.0|[1.0, 2.0]"), text(c, "SELECT * FROM t"),
        "committed data survives every error");
    c.close();
  }

  @Test
  void unknownTableAndColumn() {
    assertTrue(fails("42P01", () -> text(c, "SELECT * FROM nope")).getMessage()
        .startsWith("table NOPE does not exist"));
    assertTrue(fails("42703", () -> text(c, "SELECT nope FROM t")).getMessage()
        .startsWith("column NOPE does not exist"));
    fails("42703", () -> update(c, "INSERT INTO t (id, nope) VALUES (2, 1)"));
    fails("42703", () -> update(c, "UPDATE t SET nope = 1"));
    fails("42P01", () -> update(c, "DELETE FROM nope"));
  }

  @Test
  void typeMismatches() {
    assertTrue(fails("42804", () -> update(c, "INSERT INTO t VALUES (2, 'b', TRUE, NULL)"))
        .getMessage().contains("PRICE"));
    fails("22P02", () -> update(c, "INSERT INTO t VALUES ('two', 'b', 1, NULL)"));
    fails("42804", () -> update(c, "INSERT INTO t VALUES (2, 'b', 1, 5)"));
    fails("22P02", () -> text(c, "SELECT CAST('x' AS INTEGER)"));
    fails("22012", () -> text(c, "SELECT 1 / 0 FROM t"));
  }

  @Test
  void aValuesListTooLargeToCompileIsAClearErrorAndChangesNothing() throws SQLException {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      values.append(i == 0 ? "" : ", ").append('(').append(1000 + i).append(", 'x', ")
          .append(i * 0.37).append(", NULL)");
    }
    SQLException e = fails("54001", () -> update(c, "INSERT INTO t VALUES " + values));
    assertTrue(e.getMessage().startsWith("statement too large to compile"), e.getMessage());
    assertTrue(e.getMessage().length() < 300, "no generated code in the message");
    assertEquals(List.of("0"), text(c, "SELECT COUNT(*) FROM t WHERE id >= 1000"));
  }

  @Test
  void syntaxErrorsArePositioned() {
    SQLException e = fails("42601", () -> text(c, "SELECT FROM t"));
    assertTrue(e.getMessage().contains("line 1, column 8"), e.getMessage());
    fails("42601", () -> update(c, "CREATE TABEL x (id BIGINT PRIMARY KEY)"));
  }

  @Test
  void parameterErrors() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, 2);
      ps.setString(2, "b");
      ps.setString(3, "not a number");
      ps.setObject(4, new float[] {1, 2});
      assertTrue(fails("22023", ps::executeUpdate).getMessage().startsWith("parameter 3"));
      ps.clearParameters();
      ps.setLong(1, 2);
      fails("22023", ps::executeUpdate);
    }
  }

  @Test
  void statementsKeepWorkingAfterAnError() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM t WHERE id = ?")) {
      ps.setString(1, "x");
      fails("22023", ps::executeQuery);
      ps.setLong(1, 1);
      assertEquals(List.of(List.of("a")), Sql.read(ps.executeQuery()));
    }
  }
}
