package dev.azimuth.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every way of consuming bytes counts, and the end of the stream does not. */
class CountingInputStreamTest {
  @Test void countsReadsAndSkipsButNotTheEnd() throws IOException {
    try (CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[10]))) {
      in.read();
      in.read(new byte[4], 0, 4);
      in.skip(3);
      assertEquals(8, in.count());
      in.read(new byte[8], 0, 8);
      assertEquals(-1, in.read());
      assertEquals(10, in.count());
    }
  }
}
