package dev.azimuth.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
  private static List<String> all(String text) {
    return StatementSplitter.split(text).all();
  }

  @Test void splitsOnSemicolonsAndTrims() {
    assertEquals(List.of("SELECT 1", "SELECT 2"), all("SELECT 1;\n  SELECT 2 ;"));
  }

  @Test void keepsTrailingStatementWithoutSemicolon() {
    StatementSplitter.Result result = StatementSplitter.split("SELECT 1; SELECT 2");
    assertEquals(List.of("SELECT 1"), result.statements());
    assertEquals("SELECT 2", result.remainder());
    assertEquals(List.of("SELECT 1", "SELECT 2"), result.all());
  }

  @Test void skipsEmptyStatements() {
    assertEquals(List.of("SELECT 1", "SELECT 2"), all(";;  ;SELECT 1;;\n;SELECT 2;;"));
    assertEquals(List.of(), all(""));
    assertEquals(List.of(), all("  \n\t "));
  }

  @Test void ignoresSemicolonsInStrings() {
    assertEquals(List.of("SELECT 'a;b'", "SELECT 2"), all("SELECT 'a;b'; SELECT 2"));
  }

  @Test void handlesDoubledQuotesInStrings() {
    assertEquals(List.of("SELECT 'it''s; fine'", "SELECT ''"),
        all("SELECT 'it''s; fine'; SELECT ''"));
    assertEquals(List.of("SELECT ''';'", "x"), all("SELECT ''';'; x"));
  }

  @Test void ignoresSemicolonsInQuotedIdentifiers() {
    assertEquals(List.of("SELECT 1 AS \"a;\"\"b\"", "SELECT 2"),
        all("SELECT 1 AS \"a;\"\"b\"; SELECT 2;"));
  }

  @Test void quotesOfOneKindDoNotCloseTheOther() {
    assertEquals(List.of("SELECT '\";' AS \"';\""), all("SELECT '\";' AS \"';\";"));
  }

  @Test void ignoresSemicolonsInLineComments() {
    assertEquals(List.of("SELECT 1 -- one; two\n+ 1", "SELECT 2"),
        all("SELECT 1 -- one; two\n+ 1; SELECT 2"));
  }

  @Test void lineCommentsEndAtCarriageReturnToo() {
    assertEquals(List.of("SELECT 1 -- x", "SELECT 2"), all("SELECT 1 -- x\r; SELECT 2"));
  }

  @Test void ignoresQuotesInComments() {
    assertEquals(List.of("-- it's\nSELECT 1", "/* \"; */ SELECT 2"),
        all("-- it's\nSELECT 1; /* \"; */ SELECT 2;"));
  }

  @Test void ignoresSemicolonsInBlockComments() {
    assertEquals(List.of("SELECT /* a; b\n c; */ 1", "SELECT 2"),
        all("SELECT /* a; b\n c; */ 1; SELECT 2"));
  }

  @Test void commentOnlyPiecesAreNotStatements() {
    assertEquals(List.of("SELECT 1"), all("-- setup\n; /* nothing */; SELECT 1; -- done"));
    StatementSplitter.Result result = StatementSplitter.split("SELECT 1; -- trailing\n");
    assertEquals("", result.remainder());
  }

  @Test void dashesAndSlashesAloneAreCode() {
    assertEquals(List.of("SELECT 4 - 1", "SELECT 6 / 2"), all("SELECT 4 - 1; SELECT 6 / 2"));
    assertEquals(List.of("SELECT 4 -1", "x"), all("SELECT 4 -1; x"));
  }

  @Test void unterminatedStringStaysInTheRemainder() {
    StatementSplitter.Result result = StatementSplitter.split("SELECT 1; SELECT 'a;\nb");
    assertEquals(List.of("SELECT 1"), result.statements());
    assertEquals("SELECT 'a;\nb", result.remainder());
  }

  @Test void openBlockCommentWithoutCodeStaysInTheRemainder() {
    StatementSplitter.Result result = StatementSplitter.split("SELECT 1; /* not yet;\n");
    assertEquals(List.of("SELECT 1"), result.statements());
    assertEquals("/* not yet;\n", result.remainder());
    // The next line closes it; what follows is code again.
    assertEquals(List.of("/* not yet;\n*/ SELECT 2"),
        StatementSplitter.split(result.remainder() + "*/ SELECT 2;").statements());
  }

  @Test void remainderCanBeCompletedByMoreInput() {
    StatementSplitter.Result first = StatementSplitter.split("SELECT\n");
    assertEquals(List.of(), first.statements());
    assertEquals("SELECT\n", first.remainder());
    assertEquals(List.of("SELECT\n1"), StatementSplitter.split(first.remainder() + "1;\n").statements());
  }
}
