package dev.azimuth.common.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors paired with generated keys or the keys of a keys file. */
class KeyedVectorsTest {
  @TempDir Path dir;

  private Path vectors(int n) throws IOException {
    Path file = dir.resolve(n + ".fvecs");
    try (VectorFileWriter w = VectorFileWriter.fvecs(file, 2)) {
      for (int i = 0; i < n; i++) {
        w.write(new float[] {i, -i});
      }
      w.finish();
    }
    return file;
  }

  @Test void generatedKeysCountFromTheOffset() throws IOException {
    try (KeyedVectors rows = KeyedVectors.open(VectorFile.vecs(vectors(3)), null, 100)) {
      assertEquals(3, rows.records());
      assertEquals(1, rows.skip(1));
      assertTrue(rows.next());
      assertEquals(101L, rows.key());
      assertArrayEquals(new float[] {1, -1}, rows.vector());
      assertEquals(2, rows.row());
      assertTrue(rows.next());
      assertFalse(rows.next());
      assertEquals(rows.bytesTotal(), rows.bytesRead());
    }
  }

  @Test void textKeysSkipBlankLinesAndAreGivenAsTheyStand() throws IOException {
    Path keys = Files.writeString(dir.resolve("k.txt"), "a\n\n b \n");
    try (KeyedVectors rows = KeyedVectors.open(VectorFile.vecs(vectors(2)), keys, 0)) {
      assertTrue(rows.next());
      assertEquals("a", rows.key());
      assertTrue(rows.next());
      assertEquals(" b ", rows.key());
      assertFalse(rows.next());
    }
  }

  @Test void textKeysThatDoNotMatchTheVectorsAreBadRows() throws IOException {
    Path few = Files.writeString(dir.resolve("few.txt"), "a\n");
    try (KeyedVectors rows = KeyedVectors.open(VectorFile.vecs(vectors(2)), few, 0)) {
      assertTrue(rows.next());
      var e = assertThrows(KeyedVectors.KeysFileException.class, rows::next);
      assertEquals("the keys file ends before vector 2", e.getMessage());
      assertEquals(ErrorCode.BAD_COPY_FILE_FORMAT, e.code());
    }
    Path many = Files.writeString(dir.resolve("many.txt"), "a\nb\nc\n");
    try (KeyedVectors rows = KeyedVectors.open(VectorFile.vecs(vectors(2)), many, 0)) {
      assertTrue(rows.next());
      assertTrue(rows.next());
      var e = assertThrows(KeyedVectors.KeysFileException.class, rows::next);
      assertEquals("the keys file holds more keys than the 2 vectors", e.getMessage());
    }
  }

  @Test void anIvecsKeysFileMustHoldOneNumberPerVector() throws IOException {
    Path v = vectors(3);
    Path keys = dir.resolve("k.ivecs");
    Files.copy(vectors(2), keys);
    var e = assertThrows(KeyedVectors.KeysFileException.class,
        () -> KeyedVectors.open(VectorFile.vecs(v), keys, 0));
    assertEquals("an ivecs file of keys must hold one number per record, not 2",
        e.getMessage());
  }
}
