package dev.azimuth.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.shell.ErrorReporter;
import dev.azimuth.shell.Session;
import dev.azimuth.shell.command.ShellCommand.Outcome;
import dev.azimuth.shell.format.Display;
import dev.azimuth.shell.format.OutputFormats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandsTest {
  private final ShellCommands commands = ShellCommands.standard();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Session session;

  @BeforeEach void open() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:azimuth:mem:");
    session = new Session(connection, "jdbc:azimuth:mem:", OutputFormats.defaultFormat(),
        new PrintWriter(out), new ErrorReporter(new PrintWriter(err), false));
  }

  @AfterEach void close() throws SQLException {
    session.close();
  }

  private String output() {
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  private void sql(String script) {
    assertTrue(session.executeScript(script), err.toString());
  }

  @Test void registersEachCommandOnce() {
    assertEquals(List.of("?", "q", "dt", "d", "di", "format", "x", "timing", "i", "o", "connect",
        "copy"),
        commands.all().stream().map(ShellCommand::name).toList());
    assertTrue(commands.names().containsAll(List.of("help", "quit", "c")), commands.names()::toString);
  }

  @Test void quitQuits() {
    assertEquals(Outcome.QUIT, commands.run("\\q", session));
    assertEquals(Outcome.QUIT, commands.run("\\quit", session));
  }

  @Test void formatShowsAndSets() {
    assertEquals(Outcome.DONE, commands.run("\\format", session));
    assertEquals("table", out.toString().strip());
    assertEquals(Outcome.DONE, commands.run("\\format   csv ", session));
    assertEquals("csv", session.format().name());
  }

  @Test void unknownFormatFails() {
    assertEquals(Outcome.FAILED, commands.run("\\format xml", session));
    assertEquals("table", session.format().name());
    assertTrue(err.toString().startsWith("ERROR: unknown format 'xml'; choose one of table, csv, json"),
        err.toString());
  }

  @Test void helpListsEveryCommand() {
    for (String help : List.of("\\?", "\\help")) {
      assertEquals(Outcome.DONE, commands.run(help, session));
      for (ShellCommand command : commands.all()) {
        assertTrue(out.toString().contains("\\" + command.name()), out.toString());
      }
    }
    assertTrue(output().contains("Ctrl-C cancels the running statement"), output());
    // Descriptions line up however long a command's usage is.
    assertTrue(output().contains("\n  \\copy TABLE FROM|TO FILE  COPY with a file"),
        output());
    assertTrue(output().contains("\n  \\q                        quit"), output());
  }

  @Test void unknownCommandFails() {
    assertEquals(Outcome.FAILED, commands.run("\\nope x", session));
    assertTrue(err.toString().startsWith("ERROR: unknown command \\nope"), err.toString());
  }

  @Test void expandedTogglesAndTakesOnOffAuto() {
    assertEquals(Outcome.DONE, commands.run("\\x", session));
    assertEquals(Display.Expanded.ON, session.expanded());
    assertEquals(Outcome.DONE, commands.run("\\x", session));
    assertEquals(Display.Expanded.OFF, session.expanded());
    assertEquals(Outcome.DONE, commands.run("\\x auto", session));
    assertEquals(Display.Expanded.AUTO, session.expanded());
    assertEquals(Outcome.DONE, commands.run("\\x on", session));
    assertEquals(Outcome.FAILED, commands.run("\\x sideways", session));
    assertEquals(Display.Expanded.ON, session.expanded());
    assertEquals("Expanded display is on.\nExpanded display is off.\n"
        + "Expanded display is used automatically.\nExpanded display is on.\n", output());
  }

  @Test void timingPrintsEachStatementsTime() {
    assertEquals(Outcome.DONE, commands.run("\\timing on", session));
    sql("SELECT 1 AS a");
    assertTrue(output().matches("(?s)Timing is on\\.\nA\n-\n1\n\\(1 row\\)\nTime: \\d+\\.\\d{3} ms\n"),
        output());
    assertEquals(Outcome.DONE, commands.run("\\timing", session));
    assertFalse(session.timing());
  }

  @Test void listTablesShowsNamesTypesAndRowCounts() {
    sql("CREATE TABLE docs (id BIGINT PRIMARY KEY); CREATE TABLE authors (name VARCHAR PRIMARY KEY);"
        + "INSERT INTO docs VALUES (1), (2), (3)");
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\dt", session));
    assertTrue(output().contains("SCHEMA | TABLE   | TYPE  | ROWS\n"), output());
    assertTrue(output().contains("PUBLIC | DOCS    | TABLE |    3\n"), output());
    assertTrue(output().contains("PUBLIC | AUTHORS | TABLE |    0\n"), output());
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\dt d*", session));
    assertEquals("SCHEMA | TABLE | TYPE  | ROWS\n-------+-------+-------+-----\n"
        + "PUBLIC | DOCS  | TABLE |    3\n(1 row)\n", output());
  }

  @Test void describeShowsColumnsAndIndexSegments() {
    sql("CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(20) NOT NULL, v VECTOR(2));"
        + "INSERT INTO docs VALUES (1, 'a', '[1,0]'), (2, 'b', '[0,1]');"
        + "CREATE INDEX docs_v ON docs USING HNSW (v) WITH (m = 4, ef_construction = 8)");
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\d docs", session));
    assertTrue(output().startsWith("""
        Table PUBLIC.DOCS
        COLUMN | TYPE        | NULLABLE | DEFAULT
        -------+-------------+----------+--------
        ID     | BIGINT      | NOT NULL |
        TITLE  | VARCHAR(20) | NOT NULL |
        V      | VECTOR(2)   |          |
        (3 rows)
        """), output());
    assertTrue(output().contains("Indexes (one row per segment):\n"
        + "INDEX  | TYPE | COLUMN | METRIC | OPTIONS                | SEGMENT | STATE | INDEXED | TOTAL |"
        + " PROGRESS\n"), output());
    assertTrue(output().matches("(?s).*\nDOCS_V \\| HNSW \\| V      \\| l2     \\| m=4, ef_construction=8"
        + " \\| +\\d+ \\| READY \\| +2 \\| +2 \\| +100\\.0\n\\(1 row\\)\n"), output());
  }

  @Test void describeATableOfASchemaWithABtreeIndex() {
    sql("CREATE SCHEMA a; CREATE TABLE a.docs (id BIGINT PRIMARY KEY, cat INTEGER);"
        + "CREATE TABLE docs (id BIGINT PRIMARY KEY);"
        + "INSERT INTO a.docs VALUES (1, 7), (2, 8); CREATE INDEX a_docs_cat ON a.docs (cat)");
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\d docs", session));
    assertTrue(output().startsWith("Table PUBLIC.DOCS\n") && output().endsWith("No indexes.\n"),
        "an unqualified name means PUBLIC's table: " + output());
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\d a.docs", session));
    assertTrue(output().startsWith("Table A.DOCS\n"), output());
    assertTrue(output().matches("(?s).*\nA_DOCS_CAT \\| BTREE \\| CAT +\\| NULL +\\| +\\| +\\d+ \\| READY "
        + "\\| +2 \\| +2 \\| +100\\.0\n\\(1 row\\)\n"), output());
  }

  @Test void describeWithoutIndexesOrNameAndWithUnknownName() {
    sql("CREATE TABLE \"Mixed\" (id INTEGER PRIMARY KEY)");
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\d \"Mixed\"", session));
    assertTrue(output().startsWith("Table PUBLIC.Mixed\n") && output().endsWith("No indexes.\n"),
        output());
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\d", session));
    assertTrue(output().contains("PUBLIC | Mixed | TABLE |"), output());
    assertEquals(Outcome.FAILED, commands.run("\\d nope", session));
    assertEquals("ERROR: no table named nope (\\dt lists them)", err.toString().strip());
  }

  @Test void listIndexesSumsSegments() {
    sql("CREATE TABLE docs (id BIGINT PRIMARY KEY, v VECTOR(2), w VECTOR(2));"
        + "INSERT INTO docs VALUES (1, '[1,0]', '[1,1]'), (2, '[0,1]', '[1,2]'), (3, '[1,1]', NULL);"
        + "CREATE INDEX docs_v ON docs USING HNSW (v) WITH (metric = 'cosine');"
        + "CREATE INDEX docs_w ON docs USING DISKANN (w)");
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\di", session));
    assertTrue(output().startsWith("INDEX  | TABLE | COLUMN | TYPE    | METRIC | STATE | SEGMENTS"
        + " | VECTORS | MEMORY_BYTES\n"), output());
    assertTrue(output().matches("(?s).*\nDOCS_V \\| DOCS  \\| V      \\| HNSW    \\| cosine \\| READY"
        + " \\| +1 \\| 3/3 +\\| +\\d+\n.*"), output());
    assertTrue(output().matches("(?s).*\nDOCS_W \\| DOCS  \\| W      \\| DISKANN \\| l2     \\| READY"
        + " \\| +1 \\| 2/2 +\\| +\\d+\n.*"), output());
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\di *_w", session));
    assertFalse(output().contains("DOCS_V"), output());
  }

  @Test void stateSummaryCountsMixedStates() {
    IndexSegment ready = new IndexSegment("I", "T", "V", "HNSW", "l2", "", 1, "READY", 1, 1, 100,
        null, null);
    IndexSegment building = new IndexSegment("I", "T", "V", "HNSW", "l2", "", 2, "BUILDING", 0, 5,
        0, null, null);
    assertEquals("READY", ListIndexesCommand.state(List.of(ready, ready)));
    assertEquals("BUILDING 1, READY 2", ListIndexesCommand.state(List.of(ready, building, ready)));
  }

  @Test void outputGoesToAFileAndBack(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.txt");
    assertEquals(Outcome.DONE, commands.run("\\o " + file, session));
    sql("SELECT 1 AS a");
    assertEquals(Outcome.DONE, commands.run("\\dt", session));
    assertEquals(Outcome.DONE, commands.run("\\o", session));
    sql("SELECT 2 AS b");
    assertEquals("B\n-\n2\n(1 row)\n", output());
    String written = Files.readString(file).replace(System.lineSeparator(), "\n");
    assertTrue(written.startsWith("A\n-\n1\n(1 row)\nSCHEMA | TABLE | TYPE | ROWS\n"), written);
    assertEquals(Outcome.FAILED, commands.run("\\o " + dir.resolve("no/such/dir/x"), session));
    assertTrue(err.toString().startsWith("ERROR: cannot write "), err.toString());
  }

  @Test void includeRunsStatementsAndCommandsOfAFile(@TempDir Path dir) throws IOException {
    Path script = dir.resolve("script.sql");
    Files.writeString(script, """
        CREATE TABLE t (id INTEGER PRIMARY KEY);
        INSERT INTO t VALUES (1),
          (2);
        SELECT * FROM nope;
        \\format csv
        SELECT COUNT(*) AS n FROM t
        """);
    assertEquals(Outcome.FAILED, commands.run("\\i '" + script + "'", session),
        "one statement failed");
    assertEquals("OK\nINSERT 2\nN\r\n2\r\n", output());
    assertEquals("ERROR 42P01: table NOPE does not exist (at line 1, column 15)", err.toString().strip());
  }

  @Test void includeStopsAtMissingFilesAndAtSelfInclusion(@TempDir Path dir) throws IOException {
    assertEquals(Outcome.FAILED, commands.run("\\i " + dir.resolve("nope.sql"), session));
    assertTrue(err.toString().strip().endsWith("nope.sql: no such file"), err.toString());
    Path loop = dir.resolve("loop.sql");
    Files.writeString(loop, "\\i " + loop + "\n");
    assertEquals(Outcome.FAILED, commands.run("\\i " + loop, session));
    assertTrue(err.toString().contains("nested more than " + IncludeCommand.MAX_DEPTH + " deep"),
        err.toString());
    Path quits = dir.resolve("quits.sql");
    Files.writeString(quits, "SELECT 1 AS a;\n\\q\nSELECT 2 AS b;\n");
    assertEquals(Outcome.QUIT, commands.run("\\i " + quits, session));
    assertFalse(output().contains("B"), output());
  }

  @Test void connectSwitchesDatabasesAndKeepsTheOldOneOnFailure() throws SQLException {
    sql("CREATE TABLE here (id INTEGER PRIMARY KEY)");
    Connection first = session.connection();
    long version = session.catalogVersion();
    assertEquals(Outcome.FAILED, commands.run("\\connect jdbc:azimuth:bogus:", session));
    assertTrue(err.toString().startsWith("ERROR 08001: "), err.toString());
    assertEquals(first, session.connection());
    assertEquals(Outcome.DONE, commands.run("\\c jdbc:azimuth:mem:", session));
    assertTrue(first.isClosed());
    assertTrue(session.catalogVersion() > version, "completion re-reads the catalog");
    assertFalse(session.executeScript("SELECT * FROM here"), "a fresh database");
    out.getBuffer().setLength(0);
    assertEquals(Outcome.DONE, commands.run("\\connect", session));
    assertEquals("Connected to jdbc:azimuth:mem:\n", output());
  }
}
