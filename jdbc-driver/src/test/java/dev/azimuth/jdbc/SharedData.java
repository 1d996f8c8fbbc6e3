package dev.azimuth.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark data sets in {@code ../shared/data} (see its README): located through the
 * AZIMUTH_SHARED_DATA variable the build sets, read from fvecs/ivecs files. When the data is
 * absent a test is skipped with a message, except under CI=true, where it fails.
 */
final class SharedData {
  private SharedData() {}

  /** The directory of one data set. */
  static Path dataset(String name) {
    String root = System.getenv("AZIMUTH_SHARED_DATA");
    Path dir = Path.of(root == null ? "../shared/data" : root).resolve(name);
    if (!Files.isDirectory(dir)) {
      String message = "shared data set " + name + " not found at " + dir.toAbsolutePath()
          + " (set AZIMUTH_SHARED_DATA)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      abort(message);
    }
    return dir;
  }

  /** Every vector of an fvecs file: per vector an int32 dimension, then that many float32. */
  static List<float[]> fvecs(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<float[]> out = new ArrayList<>();
    while (b.hasRemaining()) {
      float[] v = new float[b.getInt()];
      for (int i = 0; i < v.length; i++) {
        v[i] = b.getFloat();
      }
      out.add(v);
    }
    return out;
  }

  /** Every row of an ivecs file (ground truth: base row numbers, nearest first). */
  static List<int[]> ivecs(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<int[]> out = new ArrayList<>();
    while (b.hasRemaining()) {
      int[] v = new int[b.getInt()];
      for (int i = 0; i < v.length; i++) {
        v[i] = b.getInt();
      }
      out.add(v);
    }
    return out;
  }
}
