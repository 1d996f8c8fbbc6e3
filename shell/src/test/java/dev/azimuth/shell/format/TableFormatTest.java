package dev.azimuth.shell.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TableFormatTest {
  private static FormatTestSupport db;

  @BeforeAll static void open() throws SQLException {
    db = new FormatTestSupport();
  }

  @AfterAll static void close() throws SQLException {
    db.close();
  }

  @Test void alignsNumbersRightAndShowsNull() throws SQLException {
    assertEquals("""
        ID |    I |    D |     M | B    | S
        ---+------+------+-------+------+----------
         1 |   -7 |  0.1 | 12.50 | true | tab\\there
         2 | NULL | NULL |  NULL | NULL | NULL
        (2 rows)
        """, db.print(new TableFormat(), "SELECT id, i, d, m, b, s FROM k ORDER BY id"));
  }

  @Test void shortVectorsPrintInFullLongOnesAbbreviated() throws SQLException {
    assertEquals("""
        V         | W
        ----------+-------------------------
        [1.0,2.0] | [0.5,1.0,2.0, … 10 dims]
        NULL      | NULL
        (2 rows)
        """, db.print(new TableFormat(), "SELECT v, w FROM k ORDER BY id"));
  }

  @Test void emptyResultStillHasHeader() throws SQLException {
    assertEquals("ID\n--\n(0 rows)\n", db.print(new TableFormat(), "SELECT id FROM k WHERE id < 0"));
  }

  @Test void abbreviationKeepsEightComponentsWhole() {
    assertEquals("[0.1,0.2,0.3, … 9 dims]", TableFormat.abbreviate(
        new float[] {0.1f, 0.2f, 0.3f, 4, 5, 6, 7, 8, 9}));
  }

  @Test void controlCharactersAreEscaped() {
    assertEquals("a\\nb\\r\\tc", TableFormat.visible("a\nb\r\tc"));
  }

  @Test void updatesPrintTheirSummary() {
    StringWriter text = new StringWriter();
    new TableFormat().writeUpdate("INSERT 3", new PrintWriter(text, true));
    assertEquals("INSERT 3" + System.lineSeparator(), text.toString());
  }
}
