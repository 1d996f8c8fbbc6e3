package dev.azimuth.shell.repl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

class SqlLineParserTest {
  private final SqlLineParser parser = new SqlLineParser();

  @Test void enterAcceptsOnlyEndedStatementsCommandsAndBlankLines() {
    assertTrue(SqlLineParser.incomplete("SELECT 1"));
    assertTrue(SqlLineParser.incomplete("SELECT 1;\nSELECT 2"));
    assertTrue(SqlLineParser.incomplete("SELECT 'a;"));
    assertTrue(SqlLineParser.incomplete("SELECT 1 /* ; */"));
    assertFalse(SqlLineParser.incomplete("SELECT 1;"));
    assertFalse(SqlLineParser.incomplete("SELECT 1\n  AS a\n;"));
    assertFalse(SqlLineParser.incomplete("SELECT 1; -- done"));
    assertFalse(SqlLineParser.incomplete("  \\d docs"));
    assertFalse(SqlLineParser.incomplete("   "));
    assertFalse(SqlLineParser.incomplete("-- only a comment"));
    assertThrows(EOFError.class, () -> parser.parse("SELECT 1", 8, ParseContext.ACCEPT_LINE));
    assertDoesNotThrow(() -> parser.parse("SELECT 1", 8, ParseContext.COMPLETE));
  }

  @Test void backslashIsNoEscape() {
    assertFalse(parser.isEscapeChar('\\'));
  }

  @Test void sqlWordsAreIdentifiersWithDotsAndQuotes() {
    SqlParsedLine line = SqlParsedLine.of("SELECT d.ti, \"My\" FROM docs d", 11);
    assertEquals(List.of("SELECT", "d.ti", "\"My\"", "FROM", "docs", "d"), line.words());
    assertEquals(1, line.wordIndex());
    assertEquals("d.ti", line.prefix());
    assertEquals("SELECT", line.previousWord());
    assertFalse(line.quoted());
  }

  @Test void cursorBetweenWordsCompletesAnEmptyWord() {
    SqlParsedLine line = SqlParsedLine.of("SELECT * FROM ", 14);
    assertEquals(List.of("SELECT", "FROM", ""), line.words());
    assertEquals("", line.word());
    assertEquals("FROM", line.previousWord());
    SqlParsedLine middle = SqlParsedLine.of("SELECT  FROM docs", 7);
    assertEquals(List.of("SELECT", "", "FROM", "docs"), middle.words());
    assertEquals(1, middle.wordIndex());
  }

  @Test void cursorInsideAStringOrCommentCompletesNothing() {
    assertTrue(SqlParsedLine.of("SELECT 'ab", 10).quoted());
    assertTrue(SqlParsedLine.of("SELECT 'ab' FROM t", 9).quoted());
    assertFalse(SqlParsedLine.of("SELECT 'ab' FROM t", 12).quoted());
    assertTrue(SqlParsedLine.of("SELECT 1 -- see ta", 18).quoted());
    assertFalse(SqlParsedLine.of("SELECT 1 -- c\nFROM ta", 21).quoted());
  }

  @Test void commandWordsAreSeparatedByWhitespaceOnly() {
    SqlParsedLine line = SqlParsedLine.of("\\i /tmp/a-b.sql", 15);
    assertTrue(line.command());
    assertEquals(List.of("\\i", "/tmp/a-b.sql"), line.words());
    assertEquals(1, line.wordIndex());
  }
}
