package dev.azimuth.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.vectors.VectorFile;
import dev.azimuth.common.vectors.VectorFileWriter;
import dev.azimuth.server.AzimuthServer;
import dev.azimuth.server.ServerConfig;
import dev.azimuth.shell.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code \copy} through the real shell (piped input, as {@code azimuth < script}): round trips
 * in each format against an embedded database and over a server, and loads that fail part-way.
 */
class CopyCommandTest {
  private static final String DOCS = "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(10),"
      + " price DECIMAL(10,2), ok BOOLEAN, born DATE, v VECTOR(3));\n";

  @TempDir Path dir;

  /** A named in-memory database that the test's own connection keeps alive. */
  private String url() {
    return "jdbc:azimuth:mem:copy-" + System.nanoTime();
  }

  private Run shell(String url, String script) {
    return MainTest.piped(script, "--url", url);
  }

  private String path(String name) {
    return dir.resolve(name).toString().replace("'", "''");
  }

  @Test void csvWithHeaderLoadsAndRoundTripsThroughCopyTo() throws Exception {
    Files.writeString(dir.resolve("docs.csv"), """
        ID,Title,PRICE,ok,born,v
        1,"red, dark",12.50,true,2024-05-01,"[1,0,0]"
        2,"",,f,,"[0, 1.5, -2e-3]"
        3,,0.1,,2000-02-29,
        """);
    String url = url();
    try (Connection c = DriverManager.getConnection(url)) {
      Run run = shell(url, DOCS
          + "\\copy docs FROM '" + path("docs.csv") + "' WITH (HEADER true)\n"
          + "\\copy docs TO '" + path("out.csv") + "' WITH (HEADER)\n"
          + "CREATE TABLE again (id BIGINT PRIMARY KEY, title VARCHAR(10), price DECIMAL(10,2),"
          + " ok BOOLEAN, born DATE, v VECTOR(3));\n"
          + "\\copy again FROM '" + path("out.csv") + "' WITH (HEADER true)\n");
      assertEquals("", run.err());
      assertEquals("OK\nCOPY 3\nCOPY 3\nOK\nCOPY 3\n", run.out());
      List<String> expected = List.of(
          "1|red, dark|12.50|true|2024-05-01|[1.0,0.0,0.0]",
          "2||null|false|null|[0.0,1.5,-0.002]",
          "3|null|0.10|null|2000-02-29|null");
      assertEquals(expected, rows(c, "SELECT * FROM docs ORDER BY id"));
      assertEquals(expected, rows(c, "SELECT * FROM again ORDER BY id"));
      assertEquals("""
          "ID","TITLE","PRICE","OK","BORN","V"
          "1","red, dark","12.50","true","2024-05-01","[1.0,0.0,0.0]"
          "2","",,"false",,"[0.0,1.5,-0.002]"
          "3",,"0.10",,"2000-02-29",
          """, Files.readString(dir.resolve("out.csv")));
    }
  }

  @Test void jsonLinesFromAQueryAndBack() throws Exception {
    Files.writeString(dir.resolve("in.jsonl"), """
        {"id": 1, "title": "a", "v": [1, 2, 3], "ok": true, "price": 2.5}
        {"ID": 2, "v": "[4,5,6]", "born": "2024-01-31"}

        {"id": 3, "title": null, "v": null}
        """);
    String url = url();
    try (Connection c = DriverManager.getConnection(url)) {
      Run run = shell(url, DOCS
          + "\\copy docs FROM '" + path("in.jsonl") + "'\n"
          + "\\copy (SELECT id, title, price, ok, born, v FROM docs WHERE id < 3 ORDER BY id) TO '"
          + path("out.jsonl") + "'\n"
          + "DELETE FROM docs;\n"
          + "\\copy docs FROM '" + path("out.jsonl") + "' WITH (FORMAT 'jsonl')\n");
      assertEquals("", run.err());
      assertEquals("OK\nCOPY 3\nCOPY 2\nDELETE 3\nCOPY 2\n", run.out());
      assertEquals("""
          {"ID":1,"TITLE":"a","PRICE":2.50,"OK":true,"BORN":null,"V":[1.0,2.0,3.0]}
          {"ID":2,"TITLE":null,"PRICE":null,"OK":null,"BORN":"2024-01-31","V":[4.0,5.0,6.0]}
          """, Files.readString(dir.resolve("out.jsonl")));
      assertEquals(List.of("1|a|2.50|true|null|[1.0,2.0,3.0]",
          "2|null|null|null|2024-01-31|[4.0,5.0,6.0]"), rows(c, "SELECT * FROM docs ORDER BY id"));
    }
  }

  @Test void fvecsAndNpyLoadWithGeneratedKeysAndWriteBackTheSameBytes() throws Exception {
    Path fvecs = dir.resolve("base.fvecs");
    writeVectors(fvecs, 1000, 8);
    String url = url();
    try (Connection c = DriverManager.getConnection(url)) {
      Run run = shell(url, "CREATE TABLE vecs (id BIGINT PRIMARY KEY, v VECTOR(8),"
          + " note VARCHAR(5));\n"
          + "\\copy vecs FROM '" + path("base.fvecs") + "' WITH (BATCH_ROWS 300)\n"
          + "\\copy (SELECT v FROM vecs ORDER BY id) TO '" + path("out.fvecs") + "'\n"
          + "\\copy (SELECT v FROM vecs ORDER BY id) TO '" + path("out.npy") + "'\n"
          + "CREATE TABLE more (id INTEGER PRIMARY KEY, v VECTOR(8));\n"
          + "\\copy more (v) FROM '" + path("out.npy") + "' WITH (KEY_OFFSET 100)\n");
      assertEquals("", run.err());
      assertEquals("OK\nCOPY 1000\nCOPY 1000\nCOPY 1000\nOK\nCOPY 1000\n", run.out());
      assertEquals(List.of("1000|0|999"), rows(c, "SELECT COUNT(*), MIN(id), MAX(id) FROM vecs"));
      assertEquals(List.of("7|[7.0,-7.0,0.7,1.0,1.0,1.0,1.0,1.0]"),
          rows(c, "SELECT id, v FROM vecs WHERE id = 7"));
      assertEquals(List.of("1000|100|1099"),
          rows(c, "SELECT COUNT(*), MIN(id), MAX(id) FROM more"));
      assertEquals(List.of("107|[7.0,-7.0,0.7,1.0,1.0,1.0,1.0,1.0]"),
          rows(c, "SELECT id, v FROM more WHERE id = 107"));
      assertEquals(-1, Files.mismatch(fvecs, dir.resolve("out.fvecs")));
      try (VectorFile npy = VectorFile.npy(dir.resolve("out.npy"), true)) {
        assertEquals(1000, npy.records());
        assertEquals(8, npy.dimension());
      }
    }
  }

  private static void writeVectors(Path file, int rows, int dimension) throws IOException {
    try (VectorFileWriter w = VectorFileWriter.fvecs(file, dimension)) {
      for (int i = 0; i < rows; i++) {
        float[] v = new float[dimension];
        java.util.Arrays.fill(v, 1);
        v[0] = i;
        v[1] = -i;
        v[2] = i / 10f;
        w.write(v);
      }
      w.finish();
    }
  }

  @Test void parquetLoadsAsCopyLoadsItAndCannotBeWritten() throws Exception {
    // The engine's COPY test fixture (jdbc-driver/src/test/resources/copy/make_parquet.py):
    // 50 rows, Snappy, row groups of 20, vectors as Arrow fixed-size lists of float32.
    try (java.io.InputStream in = getClass().getResourceAsStream("/copy/rows-snappy.parquet")) {
      Files.copy(in, dir.resolve("rows.parquet"));
    }
    String url = url();
    try (Connection c = DriverManager.getConnection(url)) {
      Run run = shell(url, "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20), "
          + "score DOUBLE, dt DATE, v VECTOR(3));\n"
          + "\\copy t FROM '" + path("rows.parquet") + "' WITH (BATCH_ROWS 7)\n"
          + "\\copy t TO '" + path("out.parquet") + "'\n");
      assertEquals("OK\nCOPY 50\n", run.out());
      assertTrue(run.err().startsWith("ERROR 0A000: \\copy TO does not support FORMAT parquet"),
          run.err());
      assertEquals(List.of("3|null|0.75|2024-01-04|[3.0,3.25,-3.0]",
          "49|name-49|12.25|2024-02-19|[49.0,49.25,-49.0]"),
          rows(c, "SELECT * FROM t WHERE id IN (3, 49) ORDER BY id"));
      assertEquals(List.of("50"), rows(c, "SELECT COUNT(*) FROM t"));
    }
  }

  @Test void aBadRowStopsTheLoadNamingItsLineAndTheRowsCommittedBeforeIt() throws Exception {
    StringBuilder csv = new StringBuilder("id,n\n");
    for (int i = 1; i <= 12; i++) {
      csv.append(i).append(',').append(i == 8 ? "eight" : String.valueOf(i)).append('\n');
    }
    Files.writeString(dir.resolve("n.csv"), csv);
    String url = url();
    try (Connection c = DriverManager.getConnection(url)) {
      Run run = shell(url, "CREATE TABLE n (id BIGINT PRIMARY KEY, n INTEGER);\n"
          + "\\copy n FROM '" + path("n.csv") + "' WITH (HEADER true, BATCH_ROWS 5)\n");
      assertEquals(1, run.status());
      // Row 8 is on line 9 (after the header); the first batch of 5 was committed, the
      // second (rows 6-10) never was.
      assertEquals("ERROR 22P02: \\copy N FROM '" + dir.resolve("n.csv") + "' (csv) failed at"
          + " line 9: invalid input for column N INTEGER: 'eight'. 5 rows were committed before"
          + " the failure: data rows 1-5 of the file; no row after them was loaded. To resume"
          + " once the file is fixed, run \\copy again WITH (SKIP_ROWS 5).\n", run.err());
      assertEquals(List.of("5|1|5"), rows(c, "SELECT COUNT(*), MIN(id), MAX(id) FROM n"));
      Files.writeString(dir.resolve("n.csv"), csv.toString().replace("eight", "8"));
      Run resumed = shell(url, "\\copy n FROM '" + path("n.csv")
          + "' WITH (HEADER true, BATCH_ROWS 5, SKIP_ROWS 5)\n");
      assertEquals("", resumed.err());
      assertEquals("COPY 7\n", resumed.out());
      assertEquals(List.of("12|78"), rows(c, "SELECT COUNT(*), SUM(n) FROM n"));
    }
  }

  @Test void aDuplicateKeyFailsItsWholeBatchAndNamesIt() throws Exception {
    Files.writeString(dir.resolve("dup.jsonl"), """
        {"id": 1}
        {"id": 2}
        {"id": 3}
        {"id": 4}
        {"id": 2}
        {"id": 6}
        """);
    String url = url();
    try (Connection c = DriverManager.getConnection(url)) {
      Run run = shell(url, "CREATE TABLE k (id BIGINT PRIMARY KEY);\n"
          + "\\copy k FROM '" + path("dup.jsonl") + "' WITH (BATCH_ROWS 3)\n");
      assertTrue(run.err().startsWith("ERROR 23505: \\copy K FROM '"), run.err());
      assertTrue(run.err().contains("(jsonl) failed at the batch of data rows 4-6 (from line 4):"
          + " duplicate key value: ID = 2"), run.err());
      assertTrue(run.err().contains("3 rows were committed before the failure: data rows 1-3"),
          run.err());
      assertEquals(List.of("3|3"), rows(c, "SELECT COUNT(*), MAX(id) FROM k"));
    }
  }

  @Test void problemsBeforeAnyRowAreReportedWithTheirSqlState() throws Exception {
    Files.writeString(dir.resolve("wide.csv"), "1,2,3\n");
    Files.write(dir.resolve("short.fvecs"), new byte[] {3, 0, 0, 0, 1});
    String url = url();
    try (Connection c = DriverManager.getConnection(url)) {
      Run run = shell(url, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(3));\n"
          + "\\copy t FROM '" + path("missing.csv") + "'\n"
          + "\\copy nope FROM '" + path("wide.csv") + "'\n"
          + "\\copy t FROM '" + path("wide.csv") + "'\n"
          + "\\copy t FROM '" + path("short.fvecs") + "'\n"
          + "\\copy t (nope) FROM '" + path("wide.csv") + "'\n"
          + "\\copy t FROM '" + path("wide.csv") + "' WITH (COLOUR 'red')\n"
          + "\\copy t INTO 'x'\n"
          + "\\copy (SELECT id FROM t) TO '" + path("x.fvecs") + "'\n");
      String[] errors = run.err().split("\n");
      assertEquals(8, errors.length, run.err());
      assertTrue(errors[0].startsWith("ERROR 58P01: could not open file"), errors[0]);
      assertTrue(errors[1].startsWith("ERROR 42P01: table nope does not exist"), errors[1]);
      assertTrue(errors[2].startsWith("ERROR 22P04: ") && errors[2].contains("failed at line 1: "
          + "the line has 3 fields but \\copy expects 2 (ID, V). No row was committed."),
          errors[2]);
      assertTrue(errors[3].startsWith("ERROR 22P04: ") && errors[3].contains("cut short"),
          errors[3]);
      assertTrue(errors[4].startsWith("ERROR 42703: "), errors[4]);
      assertTrue(errors[5].startsWith("ERROR 42704: unknown \\copy FROM option colour"),
          errors[5]);
      assertTrue(errors[6].startsWith("ERROR 42601: \\copy: expected FROM or TO"), errors[6]);
      assertTrue(errors[7].startsWith("ERROR 22023: \\copy TO '") && errors[7].contains(
          "writes vectors only") && errors[7].endsWith("The file was not written."), errors[7]);
      assertFalse(Files.exists(dir.resolve("x.fvecs")));
      assertEquals(List.of("0"), rows(c, "SELECT COUNT(*) FROM t"));
    }
  }

  @Test void copiesOverAServerSendVectorsAsTheEmbeddedDriverDoes() throws Exception {
    Path fvecs = dir.resolve("base.fvecs");
    writeVectors(fvecs, 2000, 8);
    Files.writeString(dir.resolve("docs.csv"), "1,x,1.25,true,2024-05-01,\"[1,2,3]\"\n");
    try (AzimuthServer server = AzimuthServer.start(ServerConfig.local(dir.resolve("data")))) {
      String url = "jdbc:azimuth:remote:" + server.url();
      Run run = shell(url, "CREATE TABLE vecs (id BIGINT PRIMARY KEY, v VECTOR(8));\n" + DOCS
          + "\\copy vecs FROM '" + path("base.fvecs") + "' WITH (BATCH_ROWS 500)\n"
          + "\\copy docs FROM '" + path("docs.csv") + "'\n"
          + "\\copy (SELECT v FROM vecs ORDER BY id) TO '" + path("out.fvecs") + "'\n"
          + "\\copy docs TO '" + path("docs.jsonl") + "'\n");
      assertEquals("", run.err());
      assertEquals("OK\nOK\nCOPY 2000\nCOPY 1\nCOPY 2000\nCOPY 1\n", run.out());
      assertEquals(-1, Files.mismatch(fvecs, dir.resolve("out.fvecs")));
      assertEquals("{\"ID\":1,\"TITLE\":\"x\",\"PRICE\":1.25,\"OK\":true,\"BORN\":\"2024-05-01\","
          + "\"V\":[1.0,2.0,3.0]}\n", Files.readString(dir.resolve("docs.jsonl")));
    }
  }

  /** A query's rows, columns joined with {@code |}, NULL as {@code null}. */
  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(String.valueOf(r.getString(i)));
        }
        rows.add(String.join("|", row));
      }
    }
    return rows;
  }
}
