package dev.azimuth.shell.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
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
        V          | W
        -----------+---------------------------
        [1.0, 2.0] | [0.5, 1.0, 2.0, … 10 dims]
        NULL       | NULL
        (2 rows)
        """, db.print(new TableFormat(), "SELECT v, w FROM k ORDER BY id"));
  }

  @Test void emptyResultStillHasHeader() throws SQLException {
    assertEquals("ID\n--\n(0 rows)\n", db.print(new TableFormat(), "SELECT id FROM k WHERE id < 0"));
  }

  @Test void expandedPrintsOneLinePerColumn() throws SQLException {
    assertEquals("""
        -[ RECORD 1 ]------------------
        ID | 1
        S  | tab\\there
        W  | [0.5, 1.0, 2.0, … 10 dims]
        -[ RECORD 2 ]------------------
        ID | 2
        S  | NULL
        W  | NULL
        (2 rows)
        """, db.print(new TableFormat(), "SELECT id, s, w FROM k ORDER BY id",
        new Display(Display.Expanded.ON, 0)));
  }

  @Test void autoExpandsOnlyWhatIsWiderThanTheTerminal() throws SQLException {
    String sql = "SELECT id, s FROM k WHERE id = 1";
    // "ID | S" rows are 2 + 3 + 9 = 14 columns wide.
    assertEquals("ID | S\n---+----------\n 1 | tab\\there\n(1 row)\n",
        db.print(new TableFormat(), sql, new Display(Display.Expanded.AUTO, 14)));
    assertEquals("-[ RECORD 1 ]-\nID | 1\nS  | tab\\there\n(1 row)\n",
        db.print(new TableFormat(), sql, new Display(Display.Expanded.AUTO, 13)));
    assertEquals("ID | S\n---+----------\n 1 | tab\\there\n(1 row)\n",
        db.print(new TableFormat(), sql, new Display(Display.Expanded.AUTO, 0)),
        "no terminal, no width to exceed");
  }

  @Test void abbreviationKeepsEightComponentsWhole() {
    assertEquals("[0.1, 0.2, 0.3, … 9 dims]", CellText.vector(
        new float[] {0.1f, 0.2f, 0.3f, 4, 5, 6, 7, 8, 9}));
    assertEquals("[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]", CellText.vector(
        new float[] {1, 2, 3, 4, 5, 6, 7, 8}));
  }

  @Test void controlCharactersAreEscaped() {
    assertEquals("a\\nb\\r\\tc", CellText.visible("a\nb\r\tc"));
  }

  @Test void plansPrintAsATree() {
    StringWriter text = new StringWriter();
    new TableFormat().writePlan("PLAN", List.of("Root(a=[1])", "  Child(b=[2])", "    Leaf"),
        new PrintWriter(text, true), Display.PLAIN);
    assertEquals(String.join(System.lineSeparator(), "Root(a=[1])", "└─ Child(b=[2])",
        "   └─ Leaf", ""), text.toString());
  }

  @Test void listingsFromMemoryAlignLikeResults() throws SQLException {
    ListRows rows = new ListRows(List.of(Column.text("NAME"), new Column("N", ColumnKind.INTEGER)))
        .add("a", 1L).add("bbb", null);
    StringWriter text = new StringWriter();
    new TableFormat().writeRows(rows, new PrintWriter(text, true), Display.PLAIN);
    assertEquals(String.join(System.lineSeparator(), "NAME |    N", "-----+-----",
        "a    |    1", "bbb  | NULL", "(2 rows)", ""), text.toString());
  }

  @Test void updatesPrintTheirSummary() {
    StringWriter text = new StringWriter();
    new TableFormat().writeUpdate("INSERT 3", new PrintWriter(text, true));
    assertEquals("INSERT 3" + System.lineSeparator(), text.toString());
  }
}
