package dev.azimuth.shell;

import static dev.azimuth.shell.TerminalHarness.CTRL_C;
import static dev.azimuth.shell.TerminalHarness.CTRL_R;
import static dev.azimuth.shell.TerminalHarness.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell driven through a terminal, keystroke by keystroke: completion,
 * multi-line editing, Ctrl-C, history, backslash commands and what they print.
 */
class InteractiveShellTest {
  private static final String DOCS = "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(20),"
      + " embedding VECTOR(3));\rINSERT INTO docs VALUES (1, 'red', '[1,0,0]'), (2, 'blue',"
      + " '[0,0,1]');\r";

  @TempDir Path dir;

  private static TerminalHarness shell(Path history, String url) throws IOException {
    return new TerminalHarness(history, "--url", url);
  }

  @Test void tabCompletesTableAndColumnNames() throws IOException {
    try (TerminalHarness shell = shell(null, "jdbc:azimuth:mem:")) {
      shell.type(DOCS).awaitOut("INSERT 2\n");
      // "emb" can only be EMBEDDING; after FROM, "do" only the table DOCS.
      shell.type("SELECT emb\t FROM do\t WHERE id = 1;\r");
      shell.awaitOut("EMBEDDING\n---------------\n[1.0, 0.0, 0.0]\n(1 row)\n");
      assertTrue(shell.screen().contains("SELECT embedding  FROM docs  WHERE id = 1;"),
          shell.screen());
      // An alias and a dot: the alias's table's columns.
      shell.type("SELECT * FROM docs d WHERE d.ti\t = 'blue';\r");
      shell.awaitOut("ID | TITLE | EMBEDDING\n---+-------+----------------\n 2 | blue  | [0.0, 0.0, 1.0]\n");
      // A backslash command's name.
      shell.type("\\tim\t\r");
      shell.awaitOut("Timing is off.\n");
      assertEquals("", shell.err());
      assertEquals(0, shell.exit());
    }
  }

  @Test void statementsSpanLinesUntilTheirSemicolonAndCtrlCDropsTheOneBeingTyped()
      throws IOException {
    try (TerminalHarness shell = shell(null, "jdbc:azimuth:mem:")) {
      shell.type("\\timing off\r").awaitOut("Timing is off.\n");
      shell.type("SELECT 1 AS a,\r  'x;\ry' AS b\r;\r");
      shell.awaitOut("A | B\n--+------\n1 | x;\\ny\n(1 row)\n");
      shell.awaitScreen(CONTINUATION, 3);
      shell.type("SELECT * FROM nope\r  WHERE");
      shell.awaitScreen("WHERE", 1);
      shell.typeNow(CTRL_C);
      shell.type("SELECT 2 AS c;\r").awaitOut("C\n-\n2\n(1 row)\n");
      assertEquals(1, TerminalHarness.count(shell.out(), "(1 row)\n") - 1,
          "the dropped statement never ran");
      assertEquals("", shell.err());
      assertEquals(0, shell.exit());
    }
  }

  private static final String CONTINUATION = dev.azimuth.shell.repl.Repl.CONTINUATION;

  @Test void transactionsAtThePromptAsInPsql() throws IOException {
    try (TerminalHarness shell = shell(null, "jdbc:azimuth:mem:")) {
      shell.type("\\timing off\r").awaitOut("Timing is off.\n");
      shell.type(DOCS).awaitOut("INSERT 2\n");
      shell.type("BEGIN;\r").awaitOut("BEGIN\n");
      shell.awaitScreen(dev.azimuth.shell.repl.Repl.PROMPT_IN_TRANSACTION, 1);
      shell.type("DELETE FROM docs;\r").awaitOut("DELETE 2\n");
      shell.type("SELECT COUNT(*) AS n FROM docs;\r").awaitOut("N\n-\n0\n(1 row)\n");
      shell.type("ROLLBACK;\r").awaitOut("ROLLBACK\n");
      shell.type("SELECT COUNT(*) AS n FROM docs;\r").awaitOut("N\n-\n2\n(1 row)\n");
      shell.type("START TRANSACTION;\r").awaitOut("START TRANSACTION\n");
      shell.type("SAVEPOINT a;\r").awaitOut("SAVEPOINT\n");
      shell.type("DELETE FROM docs WHERE id = 1;\r").awaitOut("DELETE 1\n");
      shell.type("ROLLBACK TO SAVEPOINT a;\r").awaitOut("ROLLBACK\n");
      shell.type("DELETE FROM docs WHERE id = 2;\r").awaitOut("DELETE 1\n");
      shell.type("COMMIT;\r").awaitOut("COMMIT\n");
      shell.type("SELECT id FROM docs;\r").awaitOut("ID\n--\n 1\n(1 row)\n");
      assertEquals(3, TerminalHarness.count(shell.screen(),
          dev.azimuth.shell.repl.Repl.PROMPT_IN_TRANSACTION + "DELETE"), shell.screen());
      assertEquals("", shell.err());
    }
  }

  @Test void ctrlCCancelsTheRunningStatementAndTheShellCarriesOn() throws Exception {
    String url = "jdbc:azimuth:mem:cancel-" + System.nanoTime();
    // The test's own connection keeps the named database, and its 5000 rows, alive.
    try (Connection setup = DriverManager.getConnection(url);
        TerminalHarness shell = shell(null, url)) {
      loadRows(setup, 5000);
      shell.type("\\timing off\r").awaitOut("Timing is off.\n");
      // 5000³ combinations: hours, unless cancelled.
      shell.type("SELECT COUNT(*) FROM big a, big b, big c;\r");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TerminalHarness.WAIT_SECONDS);
      while (!shell.err().contains("57014") && System.nanoTime() < deadline) {
        // Ctrl-C at the prompt would only drop the line: press it while the statement runs
        // (again if the first came before the statement had started).
        if (shell.executing()) {
          shell.typeNow(CTRL_C);
        }
        TerminalHarness.sleep(500);
      }
      String err = shell.awaitErr("ERROR 57014: statement cancelled\n");
      assertTrue(err.contains("Cancel request sent\n"), err);
      assertEquals(1, TerminalHarness.count(err, "ERROR"), err);
      shell.type("SELECT COUNT(*) AS n FROM big;\r").awaitOut("N\n----\n5000\n(1 row)\n");
      assertEquals(1, shell.exit(), "a failure during the session sets the exit status");
    }
  }

  private static void loadRows(Connection connection, int rows) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE big (id BIGINT PRIMARY KEY)");
      statement.execute("INSERT INTO big VALUES (1)");
      for (int have = 1; have < rows; have *= 2) {
        statement.execute("INSERT INTO big SELECT id + " + have + " FROM big WHERE id + " + have
            + " <= " + rows);
      }
    }
  }

  @Test void historyIsKeptInAFileForTheNextSession() throws IOException {
    Path history = dir.resolve("history");
    try (TerminalHarness shell = shell(history, "jdbc:azimuth:mem:")) {
      shell.type("SELECT 7 AS seven;\r").awaitOut("SEVEN\n");
      shell.type("SELECT 'multi'\r  AS line;\r").awaitOut("LINE\n");
      assertEquals(0, shell.exit());
    }
    String saved = Files.readString(history);
    assertTrue(saved.contains("SELECT 7 AS seven;"), saved);
    assertEquals(2, saved.lines().count(), "the two-line statement is one entry: " + saved);
    try (TerminalHarness shell = shell(history, "jdbc:azimuth:mem:")) {
      shell.type("\\timing off\r").awaitOut("Timing is off.\n");
      // Up, past "\timing off", recalls the previous session's two-line statement, whole.
      shell.type(UP + UP + "\r").awaitOut("LINE\n-----\nmulti\n(1 row)\n");
      // Ctrl-R searches back through the history.
      shell.type(CTRL_R + "seven\r").awaitOut("SEVEN\n-----\n    7\n(1 row)\n");
      assertEquals(0, shell.exit());
    }
  }

  @Test void listingCommandsDescribeTablesAndIndexes() throws IOException {
    try (TerminalHarness shell = shell(null, "jdbc:azimuth:mem:")) {
      shell.type("\\timing off\r").awaitOut("Timing is off.\n");
      shell.type(DOCS).awaitOut("INSERT 2\n");
      shell.type("CREATE INDEX docs_embedding ON docs USING HNSW (embedding);\r");
      shell.awaitOut("INSERT 2\nOK\n");
      shell.type("\\dt\r").awaitOut("""
          SCHEMA | TABLE | TYPE  | ROWS
          -------+-------+-------+-----
          PUBLIC | DOCS  | TABLE |    2
          (1 row)
          """);
      shell.type("\\d docs\r").awaitOut("""
          Table PUBLIC.DOCS
          COLUMN    | TYPE        | NULLABLE | DEFAULT
          ----------+-------------+----------+--------
          ID        | BIGINT      | NOT NULL |
          TITLE     | VARCHAR(20) |          |
          EMBEDDING | VECTOR(3)   |          |
          (3 rows)
          Primary key: ID
          Indexes (one row per segment):
          """);
      String described = shell.awaitOut("| READY |");
      assertTrue(described.contains("DOCS_EMBEDDING | HNSW | EMBEDDING | l2     |"), described);
      shell.type("\\di\r").awaitOut("INDEX          | TABLE | COLUMN    | TYPE | METRIC | STATE |");
      String listed = shell.awaitOut("(1 row)\n" + "X".repeat(0));
      assertTrue(listed.matches("(?s).*\nDOCS_EMBEDDING \\| DOCS  \\| EMBEDDING \\| HNSW \\| l2"
          + "     \\| READY \\| +1 \\| 2/2 +\\| +\\d+\n\\(1 row\\)\n.*"), listed);
      assertEquals("", shell.err());
      assertEquals(0, shell.exit());
    }
  }

  @Test void expandedTimingFormatAndHelp() throws IOException {
    try (TerminalHarness shell = shell(null, "jdbc:azimuth:mem:")) {
      shell.type(DOCS).awaitOut("INSERT 2\n");
      String timed = shell.awaitOut("INSERT 2\nTime: ");
      assertTrue(timed.matches("(?s).*\nOK\nTime: \\d+\\.\\d{3} ms.*"), "timing is on at a terminal");
      shell.type("\\x\r").awaitOut("Expanded display is on.\n");
      shell.type("\\timing\r").awaitOut("Timing is off.\n");
      shell.type("SELECT * FROM docs WHERE id = 1;\r").awaitOut("""
          -[ RECORD 1 ]--------------
          ID        | 1
          TITLE     | red
          EMBEDDING | [1.0, 0.0, 0.0]
          (1 row)
          """);
      shell.type("\\x off\r").awaitOut("Expanded display is off.\n");
      shell.type("\\format csv\r");
      shell.type("SELECT id, embedding FROM docs WHERE id = 2;\r")
          .awaitOut("ID,EMBEDDING\r\n2,\"[0.0,0.0,1.0]\"\r\n");
      shell.type("\\format\r").awaitOut("csv\n");
      shell.type("\\format table\r");
      shell.type("\\?\r").awaitOut("\\connect [URL]");
      shell.type("\\help\r").awaitOut("SQL statements end with ';'", 2);
      for (String command : List.of("\\dt", "\\d ", "\\di", "\\x", "\\timing", "\\i", "\\o",
          "\\format", "\\copy", "\\q")) {
        assertTrue(shell.out().contains("  " + command), command + " in help: " + shell.out());
      }
      assertEquals("", shell.err());
      assertEquals(0, shell.exit());
    }
  }

  @Test void includeOutputConnectAndQuit() throws IOException {
    Path script = dir.resolve("script.sql");
    Files.writeString(script, "CREATE TABLE t (id INTEGER PRIMARY KEY);\n"
        + "INSERT INTO t VALUES (1), (2);\n\\x on\n");
    Path results = dir.resolve("results.txt");
    try (TerminalHarness shell = shell(null, "jdbc:azimuth:mem:")) {
      shell.type("\\timing off\r").awaitOut("Timing is off.\n");
      // Tab completes the file name too.
      shell.type("\\i " + dir.resolve("scr") + "\t\r");
      shell.awaitOut("OK\nINSERT 2\nExpanded display is on.\n");
      shell.type("\\o " + results + "\r");
      shell.type("SELECT id FROM t WHERE id = 2;\r");
      shell.type("\\o\r");
      shell.type("SELECT 'back' AS here;\r").awaitOut("-[ RECORD 1 ]\nHERE | back\n(1 row)\n");
      assertEquals("-[ RECORD 1 ]\nID | 2\n(1 row)\n",
          Files.readString(results).replace(System.lineSeparator(), "\n"));
      shell.type("\\connect jdbc:azimuth:mem:\r").awaitOut("Connected to jdbc:azimuth:mem:\n");
      shell.type("SELECT * FROM t;\r").awaitErr("ERROR 42P01: table T does not exist");
      shell.type("\\q\r");
      assertEquals(1, shell.awaitStatus(), "\\q ends the shell; the failure above sets the status");
    }
  }

  @Test void explainShowsTheplanAsATree() throws IOException {
    try (TerminalHarness shell = shell(null, "jdbc:azimuth:mem:")) {
      shell.type("\\timing off\r").awaitOut("Timing is off.\n");
      shell.type(DOCS).awaitOut("INSERT 2\n");
      shell.type("EXPLAIN PLAN FOR SELECT COUNT(*) FROM docs a, docs b WHERE a.id < b.id;\r");
      String plan = shell.awaitOut("   └─ AzimuthTableScan(table=[[PUBLIC, DOCS]])\n");
      assertTrue(plan.contains("\n   ├─ AzimuthTableScan(table=[[PUBLIC, DOCS]])\n"), plan);
      assertTrue(plan.matches("(?s).*\nEnumerable\\w+\\([^\n]*\n└─ [^\n]*\n.*"), plan);
      assertEquals(0, shell.exit());
    }
  }

  @Test void errorsAreOneLineWithTheirSqlStateAndNoStackTrace() throws IOException {
    try (TerminalHarness shell = shell(null, "jdbc:azimuth:mem:")) {
      shell.type("SELECT * FROM nope;\r");
      shell.awaitErr("ERROR 42P01: table NOPE does not exist (at line 1, column 15)\n");
      shell.type("SELECT '[1,2' <-> '[1,2]';\r").awaitErr("ERROR 22P02: ");
      shell.type("\\bogus\r").awaitErr("ERROR: unknown command \\bogus (\\? lists the commands)\n");
      shell.type("SELECT 1 AS still_here;\r").awaitOut("STILL_HERE\n");
      assertEquals(1, shell.exit());
      String err = shell.err();
      assertEquals(3, err.lines().count(), err);
      assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
    }
  }
}
