package dev.azimuth.index.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes index files atomically and checksums them, for every kind of index file.
 *
 * <p>A file appears under its final name only whole: it is written under a unique temporary
 * name in the same directory, synced, checksummed, renamed over the target and the directory
 * synced, so that a crash at any point leaves the old state or the new one. Stateless and
 * thread-safe.
 */
public final class AtomicFiles {
  private static final int READ_CHUNK = 1 << 20;

  private AtomicFiles() {}

  /** Writes the content of a file at the path it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  /** The checksum (CRC32C of the bytes on disk) and size of a file that was written. */
  public record Written(long checksum, long bytes) {}

  /**
   * Writes {@code file} through a temporary file; on any failure or cancellation the temporary
   * file is deleted and {@code file} is left as it was.
   */
  public static Written write(Path file, Content content) throws IOException {
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

  /** The CRC32C of a whole file. */
  public static long crc32c(Path file) throws IOException {
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

  // Makes the rename itself durable; Linux and macOS allow fsync on a directory, others may not.
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not supported here (e.g. Windows): the rename is still atomic, just not yet durable.
    }
  }
}
