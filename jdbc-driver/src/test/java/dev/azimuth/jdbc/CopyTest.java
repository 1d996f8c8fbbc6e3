package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY FROM and TO through JDBC: every format round-trips, every failure is reported exactly. */
class CopyTest {
  private static final String ALL_TYPES = "(id BIGINT PRIMARY KEY, b BOOLEAN, i INTEGER, "
      + "r REAL, d DOUBLE, amount DECIMAL(10,2), s VARCHAR(40), dt DATE, ts TIMESTAMP, "
      + "v VECTOR(3))";

  @TempDir
  Path imports;
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:azimuth:mem:;import_dir=" + imports);
    update(c, "CREATE TABLE src " + ALL_TYPES);
    for (String row : List.of(
        "1, TRUE, 7, 1.5, 0.1, 12.34, 'plain', DATE '2024-02-29', "
            + "TIMESTAMP '2024-03-01 12:34:56.789', '[1, 2.5, -3]'",
        "2, FALSE, -2147483648, 3.4028235E38, -1.0E-300, -0.01, '', DATE '1969-12-31', "
            + "TIMESTAMP '1969-12-31 23:59:59', '[0.1, 1e-7, 123456.79]'",
        "3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL",
        "9223372036854775807, TRUE, 0, -0.0, 2.5, 99999999.99, "
            + "'quote \"x\", comma, newline\nand é', DATE '2000-01-01', "
            + "TIMESTAMP '2000-01-01 00:00:00', '[1e30, -1e-30, 0]'")) {
      update(c, "INSERT INTO src VALUES (" + row + ")");
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private List<List<Object>> all(String table) throws SQLException {
    return rows(c, "SELECT * FROM " + table + " ORDER BY id");
  }

  /** Row lists are equal value for value, vectors element for element. */
  private static void assertSameRows(List<List<Object>> expected, List<List<Object>> actual) {
    assertEquals(expected.size(), actual.size());
    for (int r = 0; r < expected.size(); r++) {
      for (int i = 0; i < expected.get(r).size(); i++) {
        Object e = expected.get(r).get(i);
        Object a = actual.get(r).get(i);
        if (e instanceof float[] fe) {
          assertArrayEquals(fe, (float[]) a, "row " + r + " column " + i);
        } else {
          assertEquals(e, a, "row " + r + " column " + i);
        }
      }
    }
  }

  private void roundTrip(String file, String toOptions, String fromOptions) throws SQLException {
    assertEquals(4, update(c, "COPY src TO '" + file + "'" + toOptions));
    assertTrue(Files.exists(imports.resolve(file)));
    update(c, "CREATE TABLE dst " + ALL_TYPES);
    assertEquals(4, update(c, "COPY dst FROM '" + file + "'" + fromOptions));
    assertSameRows(all("src"), all("dst"));
  }

  @Test
  void csvRoundTripKeepsEveryValueNullsAndEmptyStringsApart() throws Exception {
    roundTrip("all.csv", " WITH (HEADER)", " WITH (FORMAT 'csv', HEADER true)");
    String csv = Files.readString(imports.resolve("all.csv"));
    assertTrue(csv.startsWith("\"ID\",\"B\",\"I\""), csv);
    assertTrue(csv.contains("\n\"3\",,,,,,,,,\n"), "NULLs are unquoted empty fields: " + csv);
    assertTrue(csv.contains("\"2024-03-01 12:34:56.789\""), csv);
  }

  @Test
  void csvWithoutHeaderMapsFieldsToTheColumnList() throws Exception {
    Files.writeString(imports.resolve("two.csv"), "[1,2,3];10;NA\n\"[4,5,6]\";11;7\n");
    update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, v VECTOR(3))");
    assertEquals(2, update(c,
        "COPY t (v, id, n) FROM 'two.csv' WITH (DELIMITER ';', NULL 'NA', BATCH_ROWS 1)"));
    assertEquals(List.of("10|null|[1.0, 2.0, 3.0]", "11|7|[4.0, 5.0, 6.0]"),
        text(c, "SELECT * FROM t ORDER BY id"));
  }

  @Test
  void jsonLinesRoundTrip() throws Exception {
    roundTrip("all.jsonl", "", "");
    String first = Files.readAllLines(imports.resolve("all.jsonl")).get(0);
    assertTrue(first.startsWith("{\"ID\":1,\"B\":true,\"I\":7,\"R\":1.5,"), first);
    assertTrue(first.contains("\"V\":[1.0,2.5,-3.0]"), first);
  }

  @Test
  void jsonLinesKeysAreColumnsAndMissingKeysAreNull() throws Exception {
    Files.writeString(imports.resolve("docs.jsonl"), """
        {"id": 1, "title": "a", "v": [1, 2]}

        {"ID": 2, "v": "[3, 4]", "extra": {"nested": [1]}}
        """);
    update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR, v VECTOR(2))");
    SQLException e = fails("42703", () -> update(c, "COPY docs FROM 'docs.jsonl'"));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("extra"),
        e.getMessage());
    assertEquals(2, update(c, "COPY docs (id, title, v) FROM 'docs.jsonl'"));
    assertEquals(List.of("1|a|[1.0, 2.0]", "2|null|[3.0, 4.0]"),
        text(c, "SELECT * FROM docs ORDER BY id"));
  }

  @Test
  void fvecsRoundTripWithGeneratedKeys() throws Exception {
    update(c, "CREATE TABLE vecs (id BIGINT PRIMARY KEY, label INTEGER, v VECTOR(3))");
    assertEquals(3, update(c, "COPY (SELECT v FROM src WHERE v IS NOT NULL ORDER BY id) "
        + "TO 'v.fvecs'"));
    assertEquals(3 * (4 + 12), Files.size(imports.resolve("v.fvecs")));
    assertEquals(3, update(c, "COPY vecs FROM 'v.fvecs'"));
    assertEquals(3, update(c, "COPY vecs (v) FROM 'v.fvecs' WITH (KEY_OFFSET 100)"));
    List<List<Object>> got = rows(c, "SELECT id, label, v FROM vecs ORDER BY id");
    List<List<Object>> want = rows(c, "SELECT v FROM src WHERE v IS NOT NULL ORDER BY id");
    assertEquals(List.of(0L, 1L, 2L, 100L, 101L, 102L), ids(got));
    for (int i = 0; i < 6; i++) {
      assertEquals(null, got.get(i).get(1));
      assertArrayEquals((float[]) want.get(i % 3).get(0), (float[]) got.get(i).get(2));
    }
  }

  @Test
  void npyRoundTripAndFloat64Input() throws Exception {
    assertEquals(3, update(c, "COPY (SELECT v FROM src WHERE v IS NOT NULL ORDER BY id) "
        + "TO 'v.npy'"));
    update(c, "CREATE TABLE vecs (id INTEGER PRIMARY KEY, v VECTOR(3))");
    assertEquals(3, update(c, "COPY vecs FROM 'v.npy' WITH (KEY_OFFSET -1)"));
    List<List<Object>> want = rows(c, "SELECT v FROM src WHERE v IS NOT NULL ORDER BY id");
    List<List<Object>> got = rows(c, "SELECT id, v FROM vecs ORDER BY id");
    for (int i = 0; i < 3; i++) {
      assertEquals(i - 1, got.get(i).get(0));
      assertArrayEquals((float[]) want.get(i).get(0), (float[]) got.get(i).get(1));
    }
    writeNpy(imports.resolve("f64.npy"), "<f8", new long[] {2, 3},
        b -> b.putDouble(0.5).putDouble(-1).putDouble(1e10).putDouble(1).putDouble(2)
            .putDouble(3));
    update(c, "DELETE FROM vecs");
    assertEquals(2, update(c, "COPY vecs FROM 'f64.npy' WITH (FORMAT npy)"));
    assertEquals(List.of("0|[0.5, -1.0, 1.0E10]", "1|[1.0, 2.0, 3.0]"),
        text(c, "SELECT * FROM vecs ORDER BY id"));
  }

  @Test
  void keysComeFromIvecsNpyOrTextFiles() throws Exception {
    update(c, "COPY (SELECT v FROM src WHERE v IS NOT NULL ORDER BY id) TO 'v.fvecs'");
    ByteBuffer ivecs = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    for (int key : new int[] {30, 10, 20}) {
      ivecs.putInt(1).putInt(key);
    }
    Files.write(imports.resolve("keys.ivecs"), ivecs.array());
    update(c, "CREATE TABLE a (id BIGINT PRIMARY KEY, v VECTOR(3))");
    assertEquals(3, update(c, "COPY a FROM 'v.fvecs' WITH (KEYS 'keys.ivecs')"));
    assertEquals(List.of(10L, 20L, 30L),
        rows(c, "SELECT id FROM a ORDER BY id").stream().map(r -> r.get(0)).toList());
    writeNpy(imports.resolve("keys.npy"), "<i8", new long[] {3},
        b -> b.putLong(-5).putLong(5_000_000_000L).putLong(0));
    update(c, "DELETE FROM a");
    assertEquals(3, update(c, "COPY a FROM 'v.fvecs' WITH (KEYS 'keys.npy')"));
    assertEquals("5000000000|[0.1, 1.0E-7, 123456.79]",
        text(c, "SELECT * FROM a WHERE id > 0").get(0));
    Files.writeString(imports.resolve("keys.txt"), "doc-a\ndoc-b\ndoc-c\n");
    update(c, "CREATE TABLE named (k VARCHAR PRIMARY KEY, v VECTOR(3))");
    assertEquals(3, update(c, "COPY named FROM 'v.fvecs' WITH (KEYS 'keys.txt')"));
    assertEquals(List.of("doc-a|[1.0, 2.5, -3.0]"),
        text(c, "SELECT * FROM named WHERE k = 'doc-a'"));
    Files.writeString(imports.resolve("short.txt"), "x\ny\n");
    SQLException e = fails("22P04",
        () -> update(c, "COPY named FROM 'v.fvecs' WITH (KEYS 'short.txt')"));
    assertTrue(e.getMessage().contains("ends before vector 3"), e.getMessage());
    fails("22023", () -> update(c, "COPY named FROM 'v.fvecs'"));
  }

  @Test
  void aBadRowStopsTheLoadAndTheMessageSaysWhatWasCommitted() throws Exception {
    update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)");
    Files.writeString(imports.resolve("bad.csv"), "id,n\n1,10\n2,20\n3,30\n4,forty\n5,50\n");
    SQLException e = fails("22P02",
        () -> update(c, "COPY t FROM 'bad.csv' WITH (HEADER)"));
    assertTrue(e.getMessage().contains("failed at line 5"), e.getMessage());
    assertTrue(e.getMessage().contains("'forty'") && e.getMessage().contains("column N"),
        e.getMessage());
    assertTrue(e.getMessage().contains("No row was committed"), e.getMessage());
    assertEquals(List.of(), text(c, "SELECT * FROM t"));

    e = fails("22P02", () -> update(c, "COPY t FROM 'bad.csv' WITH (HEADER, BATCH_ROWS 2)"));
    assertTrue(e.getMessage().contains("2 rows were committed before the failure: data rows "
        + "1-2 of the file") && e.getMessage().contains("SKIP_ROWS 2"), e.getMessage());
    assertEquals(List.of("1|10", "2|20"), text(c, "SELECT * FROM t ORDER BY id"));

    Files.writeString(imports.resolve("bad.csv"), "id,n\n1,10\n2,20\n3,30\n4,40\n5,50\n");
    assertEquals(3, update(c, "COPY t FROM 'bad.csv' WITH (HEADER, SKIP_ROWS 2)"));
    assertEquals(5, ((Number) Sql.value(c, "SELECT count(*) FROM t")).intValue());
  }

  @Test
  void wrongDimensionIsReportedWithItsRow() throws Exception {
    update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v VECTOR(3))");
    Files.writeString(imports.resolve("dims.csv"), "1,\"[1,2,3]\"\n2,\"[1,2]\"\n");
    SQLException e = fails("22000", () -> update(c, "COPY t FROM 'dims.csv'"));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("expects 3 "
        + "dimensions, not 2"), e.getMessage());
    ByteBuffer four = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(4);
    Files.write(imports.resolve("four.fvecs"), four.array());
    e = fails("22000", () -> update(c, "COPY t FROM 'four.fvecs'"));
    assertTrue(e.getMessage().contains("vectors of 4 dimensions"), e.getMessage());
    Files.write(imports.resolve("cut.fvecs"), new byte[] {3, 0, 0, 0, 1, 2});
    fails("22P04", () -> update(c, "COPY t FROM 'cut.fvecs'"));
    assertEquals(List.of(), text(c, "SELECT * FROM t"));
  }

  @Test
  void columnCountMismatchIsABadFileFormat() throws Exception {
    update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER)");
    Files.writeString(imports.resolve("short.csv"), "1,2,3\n4,5\n");
    SQLException e = fails("22P04", () -> update(c, "COPY t FROM 'short.csv'"));
    assertTrue(e.getMessage().contains("line 2: the line has 2 fields but COPY expects 3 "
        + "(ID, A, B)"), e.getMessage());
    Files.writeString(imports.resolve("unknown.csv"), "id,a,nope\n1,2,3\n");
    fails("42703", () -> update(c, "COPY t FROM 'unknown.csv' WITH (HEADER)"));
  }

  @Test
  void duplicateKeysAreReportedWithTheirLine() throws Exception {
    update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)");
    update(c, "INSERT INTO t VALUES (7, 0)");
    Files.writeString(imports.resolve("dup.csv"), "1,1\n2,2\n1,3\n");
    SQLException e = fails("23505", () -> update(c, "COPY t FROM 'dup.csv'"));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("ID = 1"),
        e.getMessage());
    Files.writeString(imports.resolve("dup.csv"), "1,1\n7,2\n");
    e = fails("23505", () -> update(c, "COPY t FROM 'dup.csv'"));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("ID = 7 already "
        + "exists"), e.getMessage());
    assertEquals(List.of("7|0"), text(c, "SELECT * FROM t"));
  }

  @Test
  void filesOutsideTheImportDirectoryAreRefused() throws Exception {
    update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)");
    Path outside = Files.createTempFile("azimuth-outside", ".csv");
    try {
      Files.writeString(outside, "1,1\n");
      for (String path : List.of("../" + outside.getFileName(), outside.toString(),
          "sub/../../x.csv", "/etc/passwd")) {
        SQLException e = fails("42501", () -> update(c, "COPY t FROM '" + path + "'"));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
      }
      Files.createSymbolicLink(imports.resolve("link.csv"), outside);
      fails("42501", () -> update(c, "COPY t FROM 'link.csv'"));
      Files.createSymbolicLink(imports.resolve("dirlink"), outside.getParent());
      fails("42501", () -> update(c, "COPY t FROM 'dirlink/" + outside.getFileName() + "'"));
      fails("42501", () -> update(c, "COPY t TO '../written.csv'"));
      fails("42501", () -> update(c, "COPY t TO 'dirlink/written.csv'"));
      fails("42501", () -> update(c, "COPY t TO 'link.csv'"));
      assertEquals("1,1\n", Files.readString(outside), "the link's target is untouched");
      assertFalse(Files.exists(outside.getParent().resolve("written.csv")));
      assertEquals(List.of(), text(c, "SELECT * FROM t"));
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void missingFilesUnknownFormatsAndOptions() throws Exception {
    update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v VECTOR(3))");
    fails("58P01", () -> update(c, "COPY t FROM 'nope.csv'"));
    fails("58P01", () -> update(c, "COPY t TO 'no/such/dir.csv'"));
    fails("42P01", () -> update(c, "COPY nope FROM 'x.csv'"));
    Files.writeString(imports.resolve("x.txt"), "1\n");
    SQLException e = fails("22023", () -> update(c, "COPY t FROM 'x.txt'"));
    assertTrue(e.getMessage().contains("FORMAT"), e.getMessage());
    fails("22023", () -> update(c, "COPY t FROM 'x.txt' WITH (FORMAT 'xml')"));
    e = fails("42704", () -> update(c, "COPY t FROM 'x.txt' WITH (FORMAT csv, SPEED 'fast')"));
    assertTrue(e.getMessage().contains("unknown COPY FROM option speed"), e.getMessage());
    Files.writeString(imports.resolve("x.fvecs"), "");
    Files.writeString(imports.resolve("x.csv"), "");
    fails("22023", () -> update(c, "COPY t FROM 'x.fvecs' WITH (HEADER)"));
    fails("22023", () -> update(c, "COPY t FROM 'x.csv' WITH (KEY_OFFSET 3)"));
    fails("22023", () -> update(c, "COPY t FROM 'x.csv' WITH (BATCH_ROWS 0)"));
    fails("0A000", () -> update(c, "COPY t TO 'x.parquet'"));
    fails("42704", () -> update(c, "COPY t TO 'x.csv' WITH (BATCH_ROWS 5)"));
    fails("22023", () -> update(c, "COPY t TO 'x.fvecs'"));
    fails("42601", () -> update(c, "COPY t FROM 'x.csv' WITH (HEADER, HEADER)"));
    try (Connection noDir = DriverManager.getConnection("jdbc:azimuth:mem:")) {
      update(noDir, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
      e = fails("42501", () -> update(noDir, "COPY t FROM 'x.csv'"));
      assertTrue(e.getMessage().contains("import_dir"), e.getMessage());
    }
  }

  @Test
  void copyToReplacesTheFileOnlyWhenItSucceeds() throws Exception {
    Files.writeString(imports.resolve("keep.fvecs"), "old");
    fails("23502", () -> update(c, "COPY (SELECT v FROM src ORDER BY id) TO 'keep.fvecs'"));
    assertEquals("old", Files.readString(imports.resolve("keep.fvecs")));
    try (var files = Files.list(imports)) {
      assertEquals(List.of("keep.fvecs"),
          files.map(p -> p.getFileName().toString()).toList(), "no temporary file is left");
    }
    assertEquals(4, update(c, "COPY src (id, s) TO 'keep.fvecs' WITH (FORMAT csv)"));
    assertTrue(Files.readString(imports.resolve("keep.fvecs")).startsWith("\"1\",\"plain\"\n"));
  }

  @Test
  void sysCopiesShowsFinishedAndFailedCopies() throws Exception {
    update(c, "COPY src TO 'p.csv'");
    update(c, "CREATE TABLE dst " + ALL_TYPES);
    update(c, "COPY dst FROM 'p.csv'");
    fails("23505", () -> update(c, "COPY dst FROM 'p.csv'"));
    List<String> copies = text(c, "SELECT table_name, direction, file, format, state, "
        + "rows_done, progress, error IS NULL FROM sys.copies ORDER BY copy_id");
    assertEquals(List.of("SRC|TO|p.csv|csv|DONE|4|100.0|true",
        "DST|FROM|p.csv|csv|DONE|4|100.0|true", "DST|FROM|p.csv|csv|FAILED|0|100.0|false"),
        copies);
    long bytes = Files.size(imports.resolve("p.csv"));
    assertEquals(List.of(bytes + "|" + bytes), text(c, "SELECT bytes_read, bytes_total "
        + "FROM sys.copies WHERE direction = 'FROM' AND state = 'DONE'"));
  }

  private interface Fill {
    void fill(ByteBuffer b);
  }

  /** A little-endian .npy file, as numpy.save writes it (version 1.0). */
  static void writeNpy(Path file, String descr, long[] shape, Fill data) throws IOException {
    StringBuilder dims = new StringBuilder();
    for (long d : shape) {
      dims.append(d).append(", ");
    }
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
        + (shape.length == 1 ? dims : dims.substring(0, dims.length() - 2)) + "), }";
    int headerLength = 10 + dict.length() + 1;
    int padded = (headerLength + 63) / 64 * 64;
    StringBuilder header = new StringBuilder(dict);
    header.append(" ".repeat(padded - headerLength)).append('\n');
    ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    b.putShort((short) header.length());
    b.put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
    data.fill(b);
    Files.write(file, java.util.Arrays.copyOf(b.array(), b.position()));
  }

  static List<Long> ids(List<List<Object>> rows) {
    List<Long> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(((Number) r.get(0)).longValue()));
    return ids;
  }
}
