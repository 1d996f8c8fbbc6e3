package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A COPY that has returned survives kill -9 of its process: every row it reported, vectors
 * exact, both those written as whole segments and those that joined the growing segment. The
 * file comes from the default import directory of a file: database, DIR/import.
 */
class CopyDurabilityTest {
  private static final int ROWS = 20_000;
  private static final int DIM = 16;

  @TempDir
  Path dir;

  @Test
  void aCompletedCopySurvivesKillMinus9() throws Exception {
    float[][] vectors = new float[ROWS][DIM];
    Random random = new Random(5);
    ByteBuffer file = ByteBuffer.allocate(ROWS * (4 + 4 * DIM)).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] v : vectors) {
      file.putInt(DIM);
      for (int i = 0; i < DIM; i++) {
        v[i] = random.nextFloat() * 2 - 1;
        file.putFloat(v[i]);
      }
    }
    Files.createDirectories(dir.resolve("import"));
    Files.write(dir.resolve("import/vectors.fvecs"), file.array());
    Process child = ChildDatabase.start("copy", dir);
    long copied = -1;
    try {
      BufferedReader out = ChildDatabase.output(child);
      for (String line; copied < 0 && (line = out.readLine()) != null; ) {
        if (line.startsWith("COPIED ")) {
          copied = Long.parseLong(line.substring(7));
        }
      }
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }
    assertEquals(137, child.exitValue(), "the child died of SIGKILL");
    assertEquals(ROWS, copied);
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + dir
        + ChildDatabase.COPY_PROPERTIES)) {
      assertEquals((long) ROWS, Sql.value(c, "SELECT count(*) FROM items"));
      for (int id : new int[] {0, 1_999, 2_000, 4_000, 4_999, 5_000, ROWS / 2, ROWS - 1}) {
        List<List<Object>> row = rows(c, "SELECT v FROM items WHERE id = ?", (long) id);
        assertArrayEquals(vectors[id], (float[]) row.get(0).get(0), "row " + id);
      }
      assertEquals(List.of(List.of(0L, (long) ROWS - 1)),
          rows(c, "SELECT min(id), max(id) FROM items"));
      List<List<Object>> segments = rows(c, "SELECT state, total_rows FROM sys.segments");
      assertTrue(segments.size() >= 9, "two segments per batch written directly: " + segments);
      assertEquals((long) ROWS, segments.stream()
          .mapToLong(r -> (Long) r.get(1)).sum(), segments.toString());
    }
  }
}
