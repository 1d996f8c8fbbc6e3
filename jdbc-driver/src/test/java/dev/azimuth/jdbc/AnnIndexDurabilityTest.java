package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index files across restarts: loaded without a rebuild, a damaged file detected and rebuilt
 * (searches stay correct meanwhile), a build killed half-way resumed at the next open, and a
 * segment merge killed at any point leaving the old segments or the merged one, never a mix.
 */
class AnnIndexDurabilityTest {
  private static final int DIM = 24;
  private final List<float[]> vectors = Vectors.clustered(3_000, DIM, 30, 11);

  @TempDir Path dir;

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:azimuth:file:" + dir + ";sync=false");
  }

  private void createIndexed() throws SQLException {
    try (Connection c = open()) {
      update(c, "CREATE TABLE items (id BIGINT PRIMARY KEY, v VECTOR(" + DIM + "))");
      Vectors.load(c, "items", vectors);
      update(c, "CREATE INDEX items_v ON items USING HNSW (v) WITH (metric = 'l2')");
    }
  }

  private Path graphFile() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("indexes"))) {
      List<Path> graphs = files.filter(f -> f.toString().endsWith(".graph")).toList();
      assertEquals(1, graphs.size(), graphs.toString());
      return graphs.get(0);
    }
  }

  private static List<Object> states(Connection c) throws SQLException {
    return rows(c, "SELECT state FROM sys.indexes").stream().map(r -> r.get(0)).toList();
  }

  private static void awaitReady(Connection c) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!states(c).stream().allMatch("READY"::equals) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(states(c).stream().allMatch("READY"::equals), states(c).toString());
  }

  private long nearest(Connection c, float[] q) throws SQLException {
    return ((Number) rows(c, "SELECT id FROM items ORDER BY v <-> ? LIMIT 1", q).get(0).get(0))
        .longValue();
  }

  @Test
  void restartLoadsTheIndexWithoutRebuilding() throws Exception {
    createIndexed();
    Path file = graphFile();
    byte[] before = Files.readAllBytes(file);
    FileTime written = Files.getLastModifiedTime(file);
    try (Connection c = open()) {
      assertEquals(List.of("READY"), states(c), "ready at once: loaded, not rebuilt");
      String plan = rows(c, "EXPLAIN PLAN FOR SELECT id FROM items ORDER BY v <-> ? LIMIT 3",
          vectors.get(0)).toString();
      assertTrue(plan.contains("index=[ITEMS_V (HNSW)]"), plan);
      for (int i = 0; i < 3_000; i += 97) {
        assertEquals(i, nearest(c, vectors.get(i)));
      }
    }
    assertEquals(written, Files.getLastModifiedTime(file));
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void damagedIndexFileIsDetectedAndRebuilt() throws Exception {
    createIndexed();
    Path file = graphFile();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(file, bytes);
    try (Connection c = open()) {
      // Searched exactly until the rebuild is done: answers are right either way.
      for (int i = 0; i < 3_000; i += 131) {
        assertEquals(i, nearest(c, vectors.get(i)));
      }
      awaitReady(c);
      for (int i = 0; i < 3_000; i += 131) {
        assertEquals(i, nearest(c, vectors.get(i)));
      }
    }
    assertFalse(java.util.Arrays.equals(bytes, Files.readAllBytes(graphFile())),
        "the damaged file was replaced");
  }

  @Test
  void buildKilledHalfWayResumesAtNextOpen() throws Exception {
    Process child = ChildDatabase.start("index", dir);
    try {
      BufferedReader out = ChildDatabase.output(child);
      assertEquals("BUILDING", out.readLine());
      Thread.sleep(700);
      assertFalse(out.ready() && "BUILT".equals(out.readLine()),
          "the build finished before the kill; the test needs a longer build");
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + dir)) {
      List<Object> first = states(c);
      assertFalse(first.isEmpty(), "the index survived: it was created before its build");
      List<float[]> data = Vectors.clustered(ChildDatabase.INDEX_ROWS, 64, 50, 7);
      // Exact answers while the build runs again, then through the finished index.
      assertEquals(17L, ((Number) rows(c, "SELECT id FROM items ORDER BY v <-> ? LIMIT 1",
          data.get(17)).get(0).get(0)).longValue());
      awaitReady(c);
      long indexed = ((Number) rows(c, "SELECT SUM(indexed_vectors) FROM sys.indexes")
          .get(0).get(0)).longValue();
      assertEquals(ChildDatabase.INDEX_ROWS, indexed);
      assertEquals(29_999L, ((Number) rows(c, "SELECT id FROM items ORDER BY v <-> ? LIMIT 1",
          data.get(29_999)).get(0).get(0)).longValue());
    }
  }

  @Test
  void mergeKilledAtAnyPointLeavesOldOrNewSegmentsAndResumes() throws Exception {
    Process child = ChildDatabase.start("merge", dir);
    try {
      BufferedReader out = ChildDatabase.output(child);
      assertEquals("MERGING", out.readLine());
      // Wherever the kill lands (copy, graph build, switch or after), the check below holds.
      Thread.sleep(1_000);
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    int rows = ChildDatabase.MERGE_ROWS;
    // First without merging, so that no new merge writes files while we look at them.
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + dir
        + ";seal_rows=2000;merge_factor=100")) {
      assertEquals((long) rows, ((Number) Sql.value(c, "SELECT COUNT(*) FROM items"))
          .longValue());
      assertEquals((long) rows, ((Number) Sql.value(c,
          "SELECT SUM(live_rows) FROM sys.segments")).longValue());
      List<Object> segments = rows(c, "SELECT segment FROM sys.segments").stream()
          .map(r -> r.get(0)).toList();
      try (Stream<Path> files = Files.list(dir.resolve("indexes"))) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(".tmp")) {
            continue; // a build of this open, of a listed segment
          }
          assertTrue(name.matches("index-\\d+-segment-\\d+\\.graph"), name);
          int segment = Integer.parseInt(name.replaceAll(".*-segment-(\\d+)\\.graph", "$1"));
          assertTrue(segments.contains(segment), "no leftover graph files: " + name);
        }
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + dir
        + ChildDatabase.MERGE_PROPERTIES)) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (System.nanoTime() < deadline && !(rows(c, "SELECT total_rows FROM sys.segments "
          + "WHERE state = 'SEALED'").equals(List.of(List.of((long) rows)))
          && states(c).stream().allMatch("READY"::equals))) {
        Thread.sleep(50);
      }
      assertEquals(List.of(List.of((long) rows)), rows(c, "SELECT total_rows FROM "
          + "sys.segments WHERE state = 'SEALED'"), "the merge ran again at open");
      awaitReady(c);
      List<float[]> data = Vectors.clustered(rows, 32, 40, 9);
      for (int i = 0; i < rows; i += 997) {
        assertEquals(i, nearest(c, data.get(i)));
      }
    }
  }
}
