package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FULLTEXT index files across restarts: loaded, not rebuilt (the file is untouched and the index
 * is ready at once), and a damaged file detected and rebuilt, with the same answers throughout.
 */
class FullTextDurabilityTest {
  private static final int ROWS = 3_000;
  private static final String QUERY = "SELECT id, BM25(body, ?) AS s FROM docs "
      + "WHERE TEXT_MATCH(body, ?) ORDER BY s DESC LIMIT 5";

  @TempDir Path dir;

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:file:" + dir + ";sync=false");
  }

  /** Row i says "item i" plus words that depend on i, so that each word has its own rows. */
  private static String body(int i) {
    return "item" + i + " colour" + (i % 7) + " shape" + (i % 11) + (i % 5 == 0 ? " rare" : "");
  }

  private void createIndexed() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, body VARCHAR)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          ps.setLong(1, i);
          ps.setString(2, body(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body)");
    }
  }

  private Path textFile() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("indexes"))) {
      List<Path> texts = files.filter(f -> f.toString().endsWith(".text")).toList();
      assertEquals(1, texts.size(), texts.toString());
      return texts.get(0);
    }
  }

  private static List<Object> states(Connection c) throws SQLException {
    return rows(c, "SELECT state FROM sys.indexes").stream().map(r -> r.get(0)).toList();
  }

  /** The single best row for a word that only row i has. */
  private static long best(Connection c, int i) throws SQLException {
    List<List<Object>> found = rows(c, QUERY, "item" + i + " rare", "item" + i + " rare");
    return ((Number) found.get(0).get(0)).longValue();
  }

  @Test
  void restartLoadsTheIndexWithoutRebuilding() throws Exception {
    createIndexed();
    List<List<Object>> before;
    try (Connection c = open()) {
      before = rows(c, QUERY, "colour3 shape4", "colour3 shape4");
    }
    Path file = textFile();
    byte[] bytes = Files.readAllBytes(file);
    FileTime written = Files.getLastModifiedTime(file);
    try (Connection c = open()) {
      assertEquals(List.of("READY"), states(c), "ready at once: loaded, not rebuilt");
      String plan = rows(c, "EXPLAIN PLAN FOR " + QUERY, "x", "x").toString();
      assertTrue(plan.contains("index=[DOCS_BODY (FULLTEXT)]"), plan);
      assertEquals(before, rows(c, QUERY, "colour3 shape4", "colour3 shape4"));
      for (int i = 0; i < ROWS; i += 173) {
        assertEquals(i, best(c, i));
      }
    }
    assertEquals(written, Files.getLastModifiedTime(file));
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  @Test
  void damagedIndexFileIsDetectedAndRebuilt() throws Exception {
    createIndexed();
    Path file = textFile();
    byte[] bytes = Files.readAllBytes(file);
    byte[] damaged = bytes.clone();
    damaged[damaged.length / 3] ^= 0x5A;
    Files.write(file, damaged);
    try (Connection c = open()) {
      // Searched exactly until the rebuild is done: answers are right either way.
      for (int i = 0; i < ROWS; i += 211) {
        assertEquals(i, best(c, i));
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!states(c).equals(List.of("READY")) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(List.of("READY"), states(c));
      for (int i = 0; i < ROWS; i += 211) {
        assertEquals(i, best(c, i));
      }
    }
    byte[] rebuilt = Files.readAllBytes(textFile());
    assertFalse(java.util.Arrays.equals(damaged, rebuilt), "the damaged file was replaced");
    assertArrayEquals(bytes, rebuilt, "rebuilt from the same rows, the same index");
  }
}
