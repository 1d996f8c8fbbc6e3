package dev.azimuth.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command in-process, as {@code java -jar azimuth.jar ARGS < stdin} would. */
class MainTest {
  private static final String MEM = "jdbc:azimuth:mem:";
  private static final String SETUP = "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20),"
      + " v VECTOR(2)); INSERT INTO t VALUES (1, 'a,b', '[1,2]');"
      + " INSERT INTO t VALUES (3, 'say \"hi\"', '[0.5,-1]'); INSERT INTO t (id) VALUES (2);";

  /** What a run printed and returned. */
  record Run(int status, String out, String err) {}

  static Run piped(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        out, err);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run run(String... args) {
    return piped("", args);
  }

  @Test void executeRunsSeveralStatementsInTableFormat() {
    Run run = run("--url", MEM, "-e", SETUP + " SELECT id, name FROM t ORDER BY id;"
        + " UPDATE t SET name = 'z' WHERE id > 1; SELECT COUNT(*) AS n FROM t WHERE name = 'z'");
    assertEquals("", run.err());
    assertEquals(0, run.status());
    assertEquals("""
        OK
        INSERT 1
        INSERT 1
        INSERT 1
        ID | NAME
        ---+---------
         1 | a,b
         2 | NULL
         3 | say "hi"
        (3 rows)
        UPDATE 2
        N
        -
        2
        (1 row)
        """, run.out());
  }

  @Test void csvIsExactRfc4180WithQuotedVectors() {
    Run run = run("--url", MEM, "--format", "csv", "-e", SETUP + " SELECT * FROM t ORDER BY id");
    assertEquals("", run.err());
    assertEquals(0, run.status());
    assertEquals("ID,NAME,V\r\n"
        + "1,\"a,b\",\"[1.0,2.0]\"\r\n"
        + "2,,\r\n"
        + "3,\"say \"\"hi\"\"\",\"[0.5,-1.0]\"\r\n", run.out());
  }

  @Test void jsonIsOneObjectPerRow() {
    Run run = run("--url", MEM, "--format", "json", "-e", SETUP + " SELECT * FROM t ORDER BY id");
    assertEquals("", run.err());
    assertEquals(0, run.status());
    assertEquals("""
        {"ID":1,"NAME":"a,b","V":[1.0,2.0]}
        {"ID":2,"NAME":null,"V":null}
        {"ID":3,"NAME":"say \\"hi\\"","V":[0.5,-1.0]}
        """, run.out());
  }

  @Test void errorIsOneLineOnStderrAndStopsTheRun() {
    Run run = run("--url", MEM, "-e", "SELECT 1 AS a; SELECT * FROM nope; SELECT 2 AS b");
    assertEquals(ExitStatus.SQL_ERROR.code(), run.status());
    assertEquals("ERROR 42P01: table NOPE does not exist (at line 1, column 15)\n", run.err());
    assertEquals("A\n-\n1\n(1 row)\n", run.out());
  }

  @Test void verbosePrintsTheStackTrace() {
    Run run = run("--url", MEM, "--verbose", "-e", "SELEC 1");
    assertEquals(ExitStatus.SQL_ERROR.code(), run.status());
    assertTrue(run.err().startsWith("ERROR 42601: "), run.err());
    assertTrue(run.err().contains("java.sql.SQLException") && run.err().contains("\tat "), run.err());
  }

  @Test void withoutVerboseThereIsNoStackTrace() {
    Run run = run("--url", MEM, "-e", "SELEC 1");
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test void fileRunsAfterExecute(@TempDir Path dir) throws IOException {
    Path script = dir.resolve("load.sql");
    Files.writeString(script, """
        -- a script; with comments
        INSERT INTO t VALUES (10, 'it''s;');
        /* the check */
        SELECT id, name FROM t WHERE id >= 10 ORDER BY id
        """);
    Run run = run("--url", MEM, "-e", "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(9))",
        "-f", script.toString());
    assertEquals("", run.err());
    assertEquals("OK\nINSERT 1\nID | NAME\n---+------\n10 | it's;\n(1 row)\n", run.out());
  }

  @Test void missingFileIsAUsageError(@TempDir Path dir) {
    Path data = dir.resolve("db");
    Run run = run("--data", data.toString(), "-f", dir.resolve("nope.sql").toString());
    assertEquals(ExitStatus.USAGE.code(), run.status());
    assertTrue(run.err().startsWith("ERROR: cannot read ") && run.err().endsWith(": no such file\n"),
        run.err());
    assertFalse(Files.exists(data), "no database is created for a run that cannot start");
  }

  @Test void dataDirectoryKeepsTablesBetweenRuns(@TempDir Path dir) {
    String data = dir.resolve("db").toString();
    assertEquals(0, run("--data", data, "-e",
        "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(2)); INSERT INTO t VALUES (1,'[1,2]')").status());
    Run run = run("--data", data, "--format", "csv", "-e", "SELECT * FROM t");
    assertEquals("", run.err());
    assertEquals("ID,V\r\n1,\"[1.0,2.0]\"\r\n", run.out());
  }

  @Test void pipedStdinRunsStatementsAndCarriesOnAfterErrors() {
    Run run = piped("""
        CREATE TABLE t (id BIGINT PRIMARY KEY); INSERT INTO t
          VALUES (1), (2);
        SELECT * FROM nope;
        \\format csv
        SELECT id FROM t ORDER BY id;
        SELECT 'last' AS w
        """, "--url", MEM);
    assertEquals("ERROR 42P01: table NOPE does not exist (at line 1, column 15)\n", run.err());
    assertEquals("OK\nINSERT 2\nID\r\n1\r\n2\r\nW\r\nlast\r\n", run.out());
    assertEquals(ExitStatus.SQL_ERROR.code(), run.status(), "a failure is still reported at exit");
  }

  @Test void pipedStdinSucceedsAndStopsAtQuit() {
    Run run = piped("SELECT 1 AS a;\nSELECT 2 AS b;\n\\q\nSELECT * FROM nope;\n", "--url", MEM);
    assertEquals("", run.err());
    assertEquals("A\n-\n1\n(1 row)\nB\n-\n2\n(1 row)\n", run.out());
    assertEquals(0, run.status());
  }

  @Test void connectionFailureExitsWithThree() {
    Run run = run("--url", "jdbc:azimuth:bogus:", "-e", "SELECT 1");
    assertEquals(ExitStatus.CONNECTION.code(), run.status());
    assertTrue(run.err().startsWith("ERROR 08001: invalid Azimuth URL"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test void dataAndUrlAreMutuallyExclusive() {
    Run run = run("--url", MEM, "--data", "x", "-e", "SELECT 1");
    assertEquals(ExitStatus.USAGE.code(), run.status());
    assertTrue(run.err().startsWith("ERROR: --data=DIR, --url=JDBC_URL are mutually exclusive"),
        run.err());
  }

  @Test void unknownFormatIsAUsageError() {
    Run run = run("--url", MEM, "--format", "xml", "-e", "SELECT 1");
    assertEquals(ExitStatus.USAGE.code(), run.status());
    assertTrue(run.err().contains("unknown format 'xml'; choose one of table, csv, json"), run.err());
  }

  @Test void helpListsOptionsAndExitCodes() {
    Run run = run("--help");
    assertEquals(0, run.status());
    assertTrue(run.out().contains("--format=FORMAT") && run.out().contains("table, csv, json"),
        run.out());
    assertTrue(run.out().contains("3   the database could not be opened"), run.out());
  }
}
