package dev.azimuth.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.shell.ErrorReporter;
import dev.azimuth.shell.Session;
import dev.azimuth.shell.command.ShellCommands;
import dev.azimuth.shell.format.OutputFormats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The candidates Tab offers, by context; matching them to the prefix is JLine's job. */
class SqlCompleterTest {
  private Session session;
  private SqlCompleter completer;

  @BeforeEach void open() throws SQLException {
    StringWriter sink = new StringWriter();
    session = new Session(DriverManager.getConnection("jdbc:azimuth:mem:"), "jdbc:azimuth:mem:",
        OutputFormats.defaultFormat(), new PrintWriter(sink),
        new ErrorReporter(new PrintWriter(sink), false));
    completer = new SqlCompleter(session, ShellCommands.standard());
    assertTrue(session.executeScript("CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR,"
        + " embedding VECTOR(3)); CREATE TABLE authors (name VARCHAR PRIMARY KEY, born INTEGER);"
        + " CREATE TABLE \"Mixed\" (\"camelCase\" INTEGER PRIMARY KEY)"));
  }

  @AfterEach void close() throws SQLException {
    session.close();
  }

  /** The candidate values for the buffer, with the cursor at {@code |}. */
  private List<String> complete(String typed) {
    int cursor = typed.indexOf('|');
    String line = typed.replace("|", "");
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, SqlParsedLine.of(line, cursor), candidates);
    return candidates.stream().map(Candidate::value).toList();
  }

  @Test void afterFromOnlyTables() {
    assertEquals(List.of("AUTHORS", "DOCS", "\"Mixed\""), complete("SELECT * FROM |"));
    assertEquals(List.of("authors", "docs", "\"Mixed\""), complete("SELECT * FROM d|"));
    assertEquals(List.of("authors", "docs", "\"Mixed\""), complete("insert into a|"));
  }

  @Test void elsewhereKeywordsFunctionsTablesAndTheNamedTablesColumns() {
    List<String> values = complete("SELECT | FROM docs");
    assertTrue(values.containsAll(List.of("SELECT", "WHERE", "L2_DISTANCE(", "DOCS", "ID", "TITLE",
        "EMBEDDING")), values::toString);
    assertFalse(values.contains("BORN"), "AUTHORS is not in the statement");
  }

  @Test void withNoTableNamedAllColumnsAreOffered() {
    List<String> values = complete("select ti|");
    assertTrue(values.containsAll(List.of("title", "born", "\"camelCase\"", "select", "l2_distance(")),
        values::toString);
  }

  @Test void qualifiedNamesOfferTheTablesOrAliasesColumns() {
    assertEquals(List.of("d.id", "d.title", "d.embedding"), complete("SELECT d.| FROM docs d"));
    assertEquals(List.of("D.ID", "D.TITLE", "D.EMBEDDING"), complete("SELECT D.| FROM DOCS D"));
    assertEquals(List.of("a.name", "a.born"), complete("SELECT a.n| FROM docs JOIN authors AS a ON"));
    assertEquals(List.of("docs.id", "docs.title", "docs.embedding"), complete("SELECT docs.i|"));
    assertEquals(List.of("public.authors", "public.docs", "public.\"Mixed\""),
        complete("SELECT * FROM public.d|"));
  }

  @Test void newTablesAppearAfterDdl() {
    assertFalse(complete("SELECT * FROM |").contains("FRESH"));
    assertTrue(session.execute("CREATE TABLE fresh (id INTEGER PRIMARY KEY)"));
    assertTrue(complete("SELECT * FROM |").contains("FRESH"));
  }

  @Test void nothingInsideStrings() {
    assertEquals(List.of(), complete("SELECT 'do|"));
  }

  @Test void commandsAndTheirArguments() {
    List<String> names = complete("\\|");
    assertTrue(names.containsAll(List.of("\\d", "\\dt", "\\di", "\\x", "\\timing", "\\i", "\\o",
        "\\connect", "\\c", "\\help", "\\?", "\\q", "\\format")), names::toString);
    assertEquals(List.of("authors", "docs", "\"Mixed\""), complete("\\d d|"));
    assertEquals(List.of("table", "csv", "json"), complete("\\format |"));
    assertEquals(List.of("on", "off", "auto"), complete("\\x a|"));
    assertEquals(List.of(), complete("\\connect jdbc|"));
  }
}
