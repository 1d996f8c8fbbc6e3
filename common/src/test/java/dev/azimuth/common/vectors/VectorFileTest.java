package dev.azimuth.common.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors written by {@link VectorFileWriter} read back by {@link VectorFile}, both layouts. */
class VectorFileTest {
  @TempDir Path dir;

  @Test void fvecsRoundTrip() throws IOException {
    Path file = dir.resolve("v.fvecs");
    try (VectorFileWriter w = VectorFileWriter.fvecs(file, 3)) {
      w.write(new float[] {1, 2, 3});
      w.write(new float[] {-4.5f, 0, 6});
      w.finish();
    }
    assertEquals(2 * (4 + 12), Files.size(file));
    try (VectorFile f = VectorFile.vecs(file)) {
      assertEquals(3, f.dimension());
      assertEquals(2, f.records());
      assertArrayEquals(new float[] {1, 2, 3}, f.nextFloats());
      assertArrayEquals(new float[] {-4.5f, 0, 6}, f.nextFloats());
      assertFalse(f.hasNext());
      assertEquals(Files.size(file), f.bytesRead());
    }
  }

  @Test void npyRoundTripWritesTheHeaderLast() throws IOException {
    Path file = dir.resolve("v.npy");
    try (VectorFileWriter w = VectorFileWriter.npy(file, 2)) {
      for (int i = 0; i < 5; i++) {
        w.write(new float[] {i, -i});
      }
      w.finish();
    }
    try (VectorFile f = VectorFile.npy(file, true)) {
      assertEquals(5, f.records());
      assertEquals(2, f.dimension());
      assertEquals(2, f.skip(2));
      assertArrayEquals(new float[] {2, -2}, f.nextFloats());
      assertTrue(f.hasNext());
    }
  }

  @Test void aFileCutShortIsAFormatError() throws IOException {
    Path file = dir.resolve("cut.fvecs");
    try (VectorFileWriter w = VectorFileWriter.fvecs(file, 4)) {
      w.write(new float[4]);
      w.finish();
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
    AzimuthException e = assertThrows(AzimuthException.class, () -> VectorFile.vecs(file));
    assertEquals(ErrorCode.BAD_COPY_FILE_FORMAT, e.code());
    assertTrue(e.getMessage().contains("cut short"), e.getMessage());
  }

  @Test void aVectorOfAnotherDimensionIsRefused() throws IOException {
    try (VectorFileWriter w = VectorFileWriter.fvecs(dir.resolve("d.fvecs"), 2)) {
      assertThrows(IllegalArgumentException.class, () -> w.write(new float[3]));
    }
  }
}
