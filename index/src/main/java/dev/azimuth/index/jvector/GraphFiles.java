package dev.azimuth.index.jvector;

import dev.azimuth.index.graph.CorruptGraphException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes index files atomically and checks them against their recorded checksum.
 *
 * <p>A file appears under its final name only whole: it is written under a unique temporary
 * name in the same directory, synced, checksummed, renamed over the target and the directory
 * synced, so that a crash at any point leaves the old state or the new one. Stateless and
 * thread-safe.
 */
final class GraphFiles {
  private static final int READ_CHUNK = 1 << 20;

  private GraphFiles() {}

  /** Writes the content of a file at the path it is given. */
  @FunctionalInterface
  interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  /** The checksum and size of a file that was written. */
  record Written(long checksum, long bytes) {}

  /**
   * Writes {@code file} through a temporary file; on any failure or cancellation the temporary
   * file is deleted and {@code file} is left as it was.
   */
  static Written writeAtomically(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    Path temporary = Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
    boolean done = false;
    try {
      content.writeTo(temporary);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Written written = new Written(crc32c(temporary), Files.size(temporary));
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      syncDirectory(directory);
      return written;
    } finally {
      if (!done) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  // Makes the rename itself durable; Linux and macOS allow fsync on a directory, others may not.
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not supported here (e.g. Windows): the rename is still atomic, just not yet durable.
    }
  }

  /** The CRC32C of a whole file. */
  static long crc32c(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocateDirect(READ_CHUNK);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        crc.update(buffer);
        buffer.clear();
      }
    }
    return crc.getValue();
  }

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
    long actual = crc32c(file);
    if (actual != expectedChecksum) {
      throw new CorruptGraphException(file, "checksum mismatch: expected CRC32C "
          + Long.toHexString(expectedChecksum) + " but the file's "
          + Files.size(file) + " bytes give " + Long.toHexString(actual));
    }
  }
}
