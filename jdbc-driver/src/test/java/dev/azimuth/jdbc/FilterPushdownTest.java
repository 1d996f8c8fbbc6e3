package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A filtered vector search evaluates simple WHERE clauses in its row-id scan, on the column
 * arrays. Each condition here must pass exactly the rows that the same WHERE passes in an
 * ordinary query (which runs Calcite's generated filter), NULLs and three-valued logic included.
 */
class FilterPushdownTest {
  private static Connection c;

  @BeforeAll
  static void load() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER, b BIGINT, x DOUBLE, "
        + "r REAL, d DECIMAL(10, 2), s VARCHAR(20), f BOOLEAN, embedding VECTOR(2))");
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      values.append(values.isEmpty() ? "" : ", ").append('(').append(i).append(", ")
          .append(i % 7 == 0 ? "NULL" : String.valueOf(i % 10)).append(", ")
          .append(i * 1_000_000_000L).append(", ")
          .append(i % 11 == 0 ? "NULL" : String.valueOf(i / 4.0)).append(", ")
          .append(i % 5 - 2.5).append(", ")
          .append(new BigDecimal(i).movePointLeft(1)).append(", ")
          .append(i % 13 == 0 ? "NULL" : "'s" + (i % 6) + "'").append(", ")
          .append(i % 9 == 0 ? "NULL" : i % 2 == 0 ? "TRUE" : "FALSE").append(", ")
          .append("'[").append(i % 8).append(',').append(i / 8).append("]')");
    }
    update(c, "INSERT INTO t VALUES " + values);
    update(c, "INSERT INTO t VALUES (100, 1, 1, CAST('NaN' AS DOUBLE), CAST('NaN' AS REAL), "
        + "1, 's1', TRUE, '[3,3]')");
    update(c, "DELETE FROM t WHERE id IN (3, 30)");
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "n = 3", "n <> 3", "n < 4", "3 < n", "n >= 8", "n <= 0", "n IS NULL", "n IS NOT NULL",
      "b > 20000000000", "x < 5.5", "x = 2.25", "r > -1", "d >= 2.5", "d = 1.2",
      "s = 's2'", "s <> 's2'", "s > 's3'", "f", "NOT f", "f = FALSE", "f IS NULL",
      "n BETWEEN 2 AND 5", "n IN (1, 4, 9)", "n NOT IN (1, 4, 9)", "n < 2 OR n > 7",
      "NOT (n = 4 OR x > 10)", "n > 2 AND s = 's1'", "n = 3 OR s IS NULL",
      "NOT (n > 5)", "(n > 5) IS NOT TRUE", "s LIKE 's1%'", "MOD(id, 3) = 0",
      "x > n", "id < 10 AND n IS NOT NULL", "x >= 1", "r > 0.5", "x <> 2.25",
      "x < CAST('NaN' AS DOUBLE)", "x = CAST('NaN' AS DOUBLE)", "x <> CAST('NaN' AS DOUBLE)"})
  void passesTheSameRowsAsAnOrdinaryFilter(String condition) throws SQLException {
    TreeSet<String> expected = new TreeSet<>(text(c,
        "SELECT id FROM t WHERE " + condition));
    TreeSet<String> searched = new TreeSet<>(text(c, "SELECT id FROM t WHERE " + condition
        + " ORDER BY embedding <-> '[0,0]' LIMIT 100"));
    assertEquals(expected, searched, condition);
  }

  @Test
  void simpleConditionsRunInTheScanOthersAsAFilter() throws SQLException {
    String pushed = plan("SELECT id FROM t WHERE n BETWEEN 2 AND 5 AND s <> 's1' "
        + "ORDER BY embedding <-> '[0,0]' LIMIT 3");
    assertTrue(pushed.contains("AzimuthTableScan(table=[[PUBLIC, T]], columns=[[N, S]], "
        + "rowId=[true], filter=["), pushed);
    assertFalse(pushed.contains("EnumerableFilter"), pushed);
    assertFalse(pushed.contains("EnumerableCalc(expr#0..2"), pushed);

    String function = plan("SELECT id FROM t WHERE MOD(id, 3) = 0 "
        + "ORDER BY embedding <-> '[0,0]' LIMIT 3");
    assertFalse(function.contains("filter=["), function);
    assertTrue(function.contains("AzimuthTableScan(table=[[PUBLIC, T]], columns=[[ID]], "
        + "rowId=[true])"), function);
  }

  @Test
  void parametersBindPerExecution() throws SQLException {
    String sql = "SELECT id FROM t WHERE n = ? AND s <> ? ORDER BY embedding <-> ? LIMIT 100";
    for (int n = 0; n < 10; n++) {
      List<String> ids = new ArrayList<>(new TreeSet<>(text(c, sql, n, "s1", "[1,1]")));
      List<String> expected = new ArrayList<>(new TreeSet<>(text(c,
          "SELECT id FROM t WHERE n = ? AND s <> ?", n, "s1")));
      assertEquals(expected, ids, "n = " + n);
      assertFalse(ids.isEmpty(), "n = " + n);
    }
    assertEquals(List.of(), text(c, sql, null, "s1", "[1,1]"));
  }

  private static String plan(String sql) throws SQLException {
    return String.join("\n", text(c, "EXPLAIN PLAN FOR " + sql));
  }
}
