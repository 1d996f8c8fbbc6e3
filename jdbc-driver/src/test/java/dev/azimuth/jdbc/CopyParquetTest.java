package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY FROM Parquet files written by Apache Arrow (pyarrow; {@code copy/make_parquet.py} says
 * how): every row compared with the formula the files were made from.
 */
class CopyParquetTest {
  private static final int ROWS = 50;

  @TempDir
  Path imports;
  private Connection c;

  @BeforeEach
  void open() throws Exception {
    for (String name : List.of("rows-snappy.parquet", "rows-plain.parquet",
        "rows-extra.parquet")) {
      try (InputStream in = getClass().getResourceAsStream("/copy/" + name)) {
        Files.copy(in, imports.resolve(name));
      }
    }
    c = DriverManager.getConnection("jdbc:azimuth:mem:;import_dir=" + imports);
    update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20), score DOUBLE, "
        + "dt DATE, v VECTOR(3))");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private void assertLoaded(boolean withDates) throws SQLException {
    List<List<Object>> got = rows(c, "SELECT id, name, score, dt, v FROM t ORDER BY id");
    assertEquals(ROWS, got.size());
    for (int i = 0; i < ROWS; i++) {
      List<Object> row = got.get(i);
      assertEquals((long) i, row.get(0));
      assertEquals(i % 7 == 3 ? null : "name-" + i, row.get(1));
      assertEquals(i / 4.0, row.get(2));
      assertEquals(withDates ? Date.valueOf(LocalDate.of(2024, 1, 1).plusDays(i)) : null,
          row.get(3));
      assertArrayEquals(new float[] {i, i + 0.25f, -i}, (float[]) row.get(4));
    }
  }

  @Test
  void snappyCompressedFileWithSeveralRowGroups() throws SQLException {
    assertEquals(ROWS, update(c, "COPY t FROM 'rows-snappy.parquet'"));
    assertLoaded(true);
  }

  @Test
  void uncompressedFileAndAColumnList() throws SQLException {
    assertEquals(ROWS, update(c, "COPY t (id, name, score, v) FROM 'rows-plain.parquet' "
        + "WITH (FORMAT 'parquet', BATCH_ROWS 7)"));
    assertLoaded(false);
  }

  @Test
  void aFieldTheTableLacksMustBeListedAway() throws SQLException {
    SQLException e = fails("42703", () -> update(c, "COPY t FROM 'rows-extra.parquet'"));
    assertTrue(e.getMessage().contains("extra"), e.getMessage());
    assertEquals(ROWS, update(c, "COPY t (id, name, score, dt, v) FROM 'rows-extra.parquet'"));
    assertLoaded(true);
  }

  @Test
  void typeMismatchAndNonParquetFiles() throws IOException, SQLException {
    update(c, "CREATE TABLE narrow (id BIGINT PRIMARY KEY, name INTEGER)");
    SQLException e = fails("22P02",
        () -> update(c, "COPY narrow (id, name) FROM 'rows-plain.parquet'"));
    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("'name-0'"),
        e.getMessage());
    Files.writeString(imports.resolve("fake.parquet"), "not parquet at all");
    fails("22P04", () -> update(c, "COPY t FROM 'fake.parquet'"));
  }
}
