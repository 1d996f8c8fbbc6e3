package dev.azimuth.index.jvector;

import dev.azimuth.index.graph.CorruptGraphException;
import dev.azimuth.index.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks graph files against their recorded checksum (they are written by
 * {@link AtomicFiles#write}). Stateless and thread-safe.
 */
final class GraphFiles {
  private GraphFiles() {}

  /**
   * Checks a file against its recorded checksum before anything parses it.
   *
   * @throws NoSuchFileException when it does not exist
   * @throws CorruptGraphException when the checksum differs (a flipped bit, a truncation)
   */
  static void verify(Path file, long expectedChecksum) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "graph index file is missing");
    }
    long actual = AtomicFiles.crc32c(file);
    if (actual != expectedChecksum) {
      throw new CorruptGraphException(file, "checksum mismatch: expected CRC32C "
          + Long.toHexString(expectedChecksum) + " but the file's "
          + Files.size(file) + " bytes give " + Long.toHexString(actual));
    }
  }
}
