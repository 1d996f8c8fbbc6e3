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

class DmlTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(10) NOT NULL, "
        + "price DECIMAL(6,2), v VECTOR(2))");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private List<String> all() throws SQLException {
    return text(c, "SELECT * FROM docs ORDER BY id");
  }

  @Test
  void insertValuesAndSelect() throws SQLException {
    assertEquals(3, update(c, "INSERT INTO docs VALUES (1, 'a', 1.5, '[1,2]'), "
        + "(2, 'b', NULL, NULL), (3, 'c', 3, ARRAY[3, 4])"));
    assertEquals(List.of("1|a|1.50|[1.0, 2.0]", "2|b|null|null", "3|c|3.00|[3.0, 4.0]"), all());
    assertEquals(1, update(c, "INSERT INTO docs (title, id) VALUES ('d', 4)"));
    assertEquals("4|d|null|null", all().get(3));
  }

  @Test
  void insertSelectCopiesRowsIncludingVectors() throws SQLException {
    update(c, "INSERT INTO docs VALUES (1, 'a', 1, '[1,2]'), (2, 'b', 2, '[3,4]')");
    assertEquals(2, update(c, "INSERT INTO docs SELECT id + 10, title || 'x', price * 2, v "
        + "FROM docs"));
    assertEquals(List.of("1|a|1.00|[1.0, 2.0]", "2|b|2.00|[3.0, 4.0]",
        "11|ax|2.00|[1.0, 2.0]", "12|bx|4.00|[3.0, 4.0]"), all());
  }

  @Test
  void duplicateKeyFailsAndMultiRowStatementChangesNothing() throws SQLException {
    update(c, "INSERT INTO docs VALUES (1, 'a', 1, '[1,2]')");
    SQLException e = fails("23505",
        () -> update(c, "INSERT INTO docs VALUES (2, 'b', 2, '[3,4]'), (1, 'x', 0, '[0,0]')"));
    assertTrue(e.getMessage().contains("ID = 1"), e.getMessage());
    fails("23505", () -> update(c, "INSERT INTO docs VALUES (5, 'b', 2, '[3,4]'), "
        + "(5, 'c', 2, '[3,4]')"));
    fails("23502", () -> update(c, "INSERT INTO docs VALUES (6, 'b', 2, '[3,4]'), "
        + "(7, NULL, 2, '[3,4]')"));
    fails("23505", () -> update(c, "INSERT INTO docs SELECT 1, 'z', 0, v FROM docs"));
    assertEquals(List.of("1|a|1.00|[1.0, 2.0]"), all());
  }

  @Test
  void upsertReplacesByKey() throws SQLException {
    update(c, "INSERT INTO docs VALUES (1, 'a', 1, '[1,2]')");
    assertEquals(2, update(c, "UPSERT INTO docs VALUES (1, 'a2', 9, '[9,9]'), "
        + "(2, 'b', 2, '[3,4]')"));
    assertEquals(List.of("1|a2|9.00|[9.0, 9.0]", "2|b|2.00|[3.0, 4.0]"), all());
    assertEquals(1, update(c, "UPSERT INTO docs (id, title) VALUES (2, 'only')"));
    assertEquals("2|only|null|null", all().get(1));
  }

  @Test
  void updateChangesColumnsVectorsAndKeys() throws SQLException {
    update(c, "INSERT INTO docs VALUES (1, 'a', 1, '[1,2]'), (2, 'b', 2, '[3,4]'), "
        + "(3, 'c', 3, '[5,6]')");
    assertEquals(2, update(c, "UPDATE docs SET price = price + 10, v = '[0,1]' WHERE id >= 2"));
    assertEquals(List.of("1|a|1.00|[1.0, 2.0]", "2|b|12.00|[0.0, 1.0]", "3|c|13.00|[0.0, 1.0]"),
        all());
    // Shifting every key by one collides row by row but not at the statement's end.
    assertEquals(3, update(c, "UPDATE docs SET id = id + 1"));
    assertEquals(List.of(2L, 3L, 4L), Sql.rows(c, "SELECT id FROM docs ORDER BY id").stream()
        .map(r -> r.get(0)).toList());
    fails("23505", () -> update(c, "UPDATE docs SET id = 2 WHERE id = 3"));
    assertEquals(0, update(c, "UPDATE docs SET title = 'z' WHERE id = 99"));
  }

  @Test
  void deleteRemovesMatchingRows() throws SQLException {
    update(c, "INSERT INTO docs VALUES (1, 'a', 1, '[1,2]'), (2, 'b', 2, '[3,4]'), "
        + "(3, 'c', 3, '[5,6]')");
    assertEquals(2, update(c, "DELETE FROM docs WHERE price < 2.5"));
    assertEquals(List.of("3|c|3.00|[5.0, 6.0]"), all());
    assertEquals(0, update(c, "DELETE FROM docs WHERE id = 1"));
    assertEquals(1, update(c, "DELETE FROM docs"));
    assertEquals(List.of(), all());
  }

  @Test
  void valuesThatBreakColumnRulesAreRejected() throws SQLException {
    assertTrue(fails("22001", () -> update(c,
        "INSERT INTO docs VALUES (1, 'abcdefghijk', 1, NULL)")).getMessage().contains("TITLE"));
    assertTrue(fails("22003", () -> update(c,
        "INSERT INTO docs VALUES (1, 'a', 12345.6, NULL)")).getMessage().contains("PRICE"));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (1, 'a', ?, NULL)")) {
      ps.setBigDecimal(1, new java.math.BigDecimal("12345.6"));
      assertTrue(fails("22003", ps::executeUpdate).getMessage().contains("PRICE"));
    }
    assertTrue(fails("23502", () -> update(c,
        "INSERT INTO docs (id) VALUES (1)")).getMessage().contains("TITLE"));
    fails("23502", () -> update(c, "INSERT INTO docs VALUES (NULL, 'a', 1, NULL)"));
    assertEquals(List.of(), all());
  }

  @Test
  void thousandRowInsertValuesWithVectorLiterals() throws SQLException {
    // Rows of literals stay one table of constants; a call per row would generate a union of
    // a thousand queries, more code than Calcite's compiler takes.
    StringBuilder sql = new StringBuilder("INSERT INTO docs VALUES ");
    for (int i = 0; i < 1000; i++) {
      sql.append(i == 0 ? "" : ", ").append("(").append(i).append(", 't").append(i % 7)
          .append("', NULL, '[").append(i).append(", ").append(-i).append("]')");
    }
    assertEquals(1000, update(c, sql.toString()));
    assertEquals(List.of("999|t5|null|[999.0, -999.0]"),
        text(c, "SELECT * FROM docs ORDER BY v <-> '[1000,-1000]' LIMIT 1"));
  }

  @Test
  void preparedInsertRunsManyTimesAndInBatches() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < 5; i++) {
        ps.setInt(1, i);
        ps.setString(2, "t" + i);
        ps.setBigDecimal(3, new java.math.BigDecimal(i + ".25"));
        ps.setObject(4, new float[] {i, -i});
        assertEquals(1, ps.executeUpdate());
      }
      for (int i = 5; i < 8; i++) {
        ps.setLong(1, i);
        ps.setString(2, "b" + i);
        ps.setNull(3, java.sql.Types.DECIMAL);
        ps.setString(4, "[" + i + ",0]");
        ps.addBatch();
      }
      assertEquals(3, ps.executeBatch().length);
    }
    assertEquals(8, all().size());
    assertEquals("7|b7|null|[7.0, 0.0]", all().get(7));
  }
}
