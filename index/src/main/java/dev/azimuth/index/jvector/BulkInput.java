package dev.azimuth.index.jvector;

import dev.azimuth.index.graph.CorruptGraphException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads big-endian ints, floats and bytes from a file channel in bulk, refusing any read that
 * would run past the end of the file before it allocates, so that a damaged length cannot ask
 * for gigabytes. Not thread-safe.
 */
final class BulkInput {
  private final FileChannel channel;
  private final Path file;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private long unread;

  /** Reads {@code channel} from its current position to its end. */
  BulkInput(FileChannel channel, Path file) throws IOException {
    this.channel = channel;
    this.file = file;
    this.unread = channel.size() - channel.position();
    buffer.limit(0);
  }

  int readInt() throws IOException {
    fill(Integer.BYTES);
    return buffer.getInt();
  }

  /** Reads {@code n} ints into a new array. */
  int[] readInts(int n) throws IOException {
    checkFits(n, Integer.BYTES, "ints");
    int[] values = new int[n];
    int done = 0;
    while (done < n) {
      fill(Integer.BYTES);
      int chunk = Math.min(n - done, buffer.remaining() / Integer.BYTES);
      buffer.asIntBuffer().get(values, done, chunk);
      buffer.position(buffer.position() + chunk * Integer.BYTES);
      done += chunk;
    }
    return values;
  }

  /** Reads {@code n} floats into a new array. */
  float[] readFloats(int n) throws IOException {
    checkFits(n, Float.BYTES, "floats");
    float[] values = new float[n];
    int done = 0;
    while (done < n) {
      fill(Float.BYTES);
      int chunk = Math.min(n - done, buffer.remaining() / Float.BYTES);
      buffer.asFloatBuffer().get(values, done, chunk);
      buffer.position(buffer.position() + chunk * Float.BYTES);
      done += chunk;
    }
    return values;
  }

  /** Reads {@code n} bytes into a new array. */
  byte[] readBytes(int n) throws IOException {
    checkFits(n, 1, "bytes");
    byte[] values = new byte[n];
    int done = 0;
    while (done < n) {
      fill(1);
      int chunk = Math.min(n - done, buffer.remaining());
      buffer.get(values, done, chunk);
      done += chunk;
    }
    return values;
  }

  private void checkFits(int n, int size, String what) {
    if (n < 0 || (long) n * size > buffer.remaining() + unread) {
      throw new CorruptGraphException(file, "truncated: " + n + " " + what
          + " do not fit in the " + (buffer.remaining() + unread) + " bytes left");
    }
  }

  /** Fails unless every byte of the file has been read. */
  void expectEnd() {
    if (buffer.hasRemaining() || unread > 0) {
      throw new CorruptGraphException(file, (buffer.remaining() + unread)
          + " unexpected bytes after the graph");
    }
  }

  private void fill(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return;
    }
    if (buffer.remaining() + unread < bytes) {
      throw new CorruptGraphException(file, "truncated: ends in the middle of the graph");
    }
    buffer.compact();
    while (buffer.position() < bytes) {
      int read = channel.read(buffer);
      if (read < 0) {
        throw new CorruptGraphException(file, "truncated: ends in the middle of the graph");
      }
      unread -= read;
    }
    buffer.flip();
  }
}
