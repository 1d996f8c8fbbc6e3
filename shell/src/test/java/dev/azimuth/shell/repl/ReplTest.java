package dev.azimuth.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.shell.ErrorReporter;
import dev.azimuth.shell.Session;
import dev.azimuth.shell.command.ShellCommands;
import dev.azimuth.shell.format.OutputFormats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplTest {
  /** Scripted typing; {@code null} in the script stands for Ctrl-C. */
  private static final class Typed implements LineSource {
    final Deque<String> lines = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();
    final boolean interactive;

    Typed(boolean interactive, String... lines) {
      this.interactive = interactive;
      for (String line : lines) {
        this.lines.add(line == null ? "\u0003" : line);
      }
    }

    @Override public String readLine(String prompt) {
      prompts.add(prompt);
      String line = lines.poll();
      if ("\u0003".equals(line)) {
        throw new CancellationException();
      }
      return line;
    }

    @Override public boolean interactive() {
      return interactive;
    }

    @Override public void close() {}
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Connection connection;
  private Session session;

  @BeforeEach void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:azimuth:mem:");
    session = new Session(connection, "jdbc:azimuth:mem:", OutputFormats.byName("csv").orElseThrow(),
        new PrintWriter(out), new ErrorReporter(new PrintWriter(err), false));
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  private boolean run(Typed input) throws IOException {
    return new Repl(session, input, ShellCommands.standard()).run().ok();
  }

  @Test void statementsSpanLinesUntilSemicolon() throws IOException {
    Typed input = new Typed(true, "SELECT 1", "  AS a", ";", "SELECT 2 AS b; SELECT 3 AS c;");
    assertTrue(run(input));
    assertEquals("A\r\n1\r\nB\r\n2\r\nC\r\n3\r\n", out.toString().replaceFirst("^.*\\R.*\\R", ""));
    assertEquals(List.of(Repl.PROMPT, Repl.CONTINUATION, Repl.CONTINUATION, Repl.PROMPT,
        Repl.PROMPT), input.prompts);
  }

  @Test void semicolonInsideStringDoesNotEndTheStatement() throws IOException {
    assertTrue(run(new Typed(false, "SELECT 'a;", "b' AS s;")));
    assertEquals("S\r\n\"a;\nb\"\r\n", out.toString());
  }

  @Test void ctrlCDropsThePartialStatement() throws IOException {
    assertTrue(run(new Typed(true, "SELECT * FROM nope", null, "SELECT 1 AS a;")));
    assertEquals("", err.toString());
    assertTrue(out.toString().endsWith("A\r\n1\r\n"), out.toString());
  }

  @Test void errorsDoNotEndTheLoopButAreRemembered() throws IOException {
    assertFalse(run(new Typed(false, "SELECT * FROM nope;", "SELECT 1 AS a;")));
    assertEquals("ERROR 42P01: table NOPE does not exist (at line 1, column 15)\n",
        err.toString().replace(System.lineSeparator(), "\n"));
    assertEquals("A\r\n1\r\n", out.toString());
  }

  @Test void pipedInputRunsTheLastStatementWithoutSemicolon() throws IOException {
    assertTrue(run(new Typed(false, "SELECT 1 AS a")));
    assertEquals("A\r\n1\r\n", out.toString());
  }

  @Test void interactiveInputDropsItAtEndOfInput() throws IOException {
    assertTrue(run(new Typed(true, "SELECT 1 AS a")));
    assertFalse(out.toString().contains("A\r\n"), out.toString());
  }

  @Test void commandsRunOnlyAtTheStartOfAStatement() throws IOException {
    assertTrue(run(new Typed(false, "\\format json", "SELECT 1 AS a;", "  \\q", "SELECT 2;")));
    assertEquals("{\"A\":1}\n", out.toString());
  }

  @Test void quitIsToldApartFromTheEndOfInput() throws IOException {
    assertEquals(new Repl.Result(true, true),
        new Repl(session, new Typed(false, "\\q", "SELECT 1;"), ShellCommands.standard()).run());
    assertEquals(new Repl.Result(false, false),
        new Repl(session, new Typed(false, "SELECT * FROM nope;"), ShellCommands.standard()).run());
  }

  @Test void interactiveSessionGreets() throws IOException {
    assertTrue(run(new Typed(true)));
    assertTrue(out.toString().startsWith("Azimuth shell, connected to jdbc:azimuth:mem:."),
        out.toString());
  }
}
