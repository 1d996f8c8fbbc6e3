package dev.azimuth.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blank lines are passed over but keep their numbers, for error messages that name a line. */
class TextLinesTest {
  @TempDir Path dir;

  @Test void blankLinesAreSkippedButCounted() throws IOException {
    Path file = Files.writeString(dir.resolve("t.txt"), "a\n\n  \nb\nc\n\nd\n");
    try (TextLines lines = TextLines.open(file)) {
      assertEquals(Files.size(file), lines.size());
      assertEquals("a", lines.next());
      assertEquals(1, lines.line());
      assertEquals("b", lines.next());
      assertEquals(4, lines.line());
      assertEquals(1, lines.skip(1));
      assertEquals("d", lines.next());
      assertEquals(7, lines.line());
      assertEquals(0, lines.skip(5));
      assertNull(lines.next());
      assertEquals(Files.size(file), lines.bytesRead());
    }
  }
}
