package dev.azimuth.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.shell.format.OutputFormats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Session session;

  @BeforeEach void open() throws SQLException {
    session = new Session(DriverManager.getConnection("jdbc:azimuth:mem:"), "jdbc:azimuth:mem:",
        OutputFormats.defaultFormat(), new PrintWriter(out), new ErrorReporter(new PrintWriter(err), false));
  }

  @AfterEach void close() throws SQLException {
    session.close();
  }

  @Test void explainPrintsATreeInTablesAndRowsInCsv() {
    assertTrue(session.executeScript("CREATE TABLE t (id BIGINT PRIMARY KEY)"));
    out.getBuffer().setLength(0);
    String explain = "EXPLAIN PLAN FOR SELECT COUNT(*) FROM t a, t b";
    assertTrue(session.execute(explain), err.toString());
    String tree = out.toString().replace(System.lineSeparator(), "\n");
    assertTrue(tree.matches("(?s)\\S[^\n]*\n(([│ ]  )*[├└]─ \\S[^\n]*\n)+"), tree);
    assertTrue(tree.contains("\n   ├─ AzimuthTableScan(table=[[PUBLIC, T]])\n"), tree);
    assertTrue(tree.contains("\n   └─ AzimuthTableScan(table=[[PUBLIC, T]])\n"), tree);
    out.getBuffer().setLength(0);
    session.setFormat(OutputFormats.byName("csv").orElseThrow());
    assertTrue(session.execute(explain));
    assertTrue(out.toString().startsWith("PLAN\r\n") && out.toString().contains("\r\n\"    AzimuthTableScan"),
        out.toString());
  }

  @Test void ddlMovesTheCatalogVersion() {
    long before = session.catalogVersion();
    assertTrue(session.execute("SELECT 1"));
    assertEquals(before, session.catalogVersion());
    assertTrue(session.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)"));
    assertTrue(session.execute("INSERT INTO t VALUES (1)"));
    assertEquals(before + 1, session.catalogVersion());
    assertTrue(session.execute("DROP TABLE t"));
    assertEquals(before + 2, session.catalogVersion());
  }

  @Test void cancelWithNothingRunningDoesNothing() {
    session.cancelRunning();
    assertEquals("", err.toString());
    assertTrue(session.execute("SELECT 1"), "the next statement is not cancelled");
  }

  @Test void elapsedTimeReadsLikePsql() {
    assertEquals("Time: 0.250 ms", Elapsed.describe(250_000));
    assertEquals("Time: 83021.004 ms (01:23.021)", Elapsed.describe(83_021_004_000L));
  }
}
