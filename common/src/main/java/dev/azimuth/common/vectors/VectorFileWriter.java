package dev.azimuth.common.vectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes vectors of one dimension as fvecs records (int32 dimension, then the float32 values)
 * or as a float32 {@code .npy} array of shape (rows, dimension), little-endian, through one
 * buffer. The {@code .npy} header is written by {@link #finish}, once the row count is known.
 * Not thread-safe.
 */
public final class VectorFileWriter implements AutoCloseable {
  private final FileChannel channel;
  private final boolean npy;
  private final int dimension;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20)
      .order(ByteOrder.LITTLE_ENDIAN);
  private long rows;

  private VectorFileWriter(Path file, boolean npy, int dimension) throws IOException {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension " + dimension);
    }
    this.npy = npy;
    this.dimension = dimension;
    this.channel = FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE);
    if (npy) {
      channel.position(NpyHeader.WRITTEN_HEADER_BYTES);
    }
  }

  /** Creates or truncates {@code file} for fvecs records. */
  public static VectorFileWriter fvecs(Path file, int dimension) throws IOException {
    return new VectorFileWriter(file, false, dimension);
  }

  /** Creates or truncates {@code file} for a float32 {@code .npy} array. */
  public static VectorFileWriter npy(Path file, int dimension) throws IOException {
    return new VectorFileWriter(file, true, dimension);
  }

  /**
   * Appends one vector.
   *
   * @throws IllegalArgumentException if its dimension is not the file's: a file holds one
   */
  public void write(float[] v) throws IOException {
    if (v.length != dimension) {
      throw new IllegalArgumentException("a vector of " + v.length + " dimensions in a file of "
          + dimension);
    }
    int need = (npy ? 0 : 4) + 4 * v.length;
    if (buffer.remaining() < need) {
      drain();
    }
    if (!npy) {
      buffer.putInt(v.length);
    }
    buffer.asFloatBuffer().put(v);
    buffer.position(buffer.position() + 4 * v.length);
    rows++;
  }

  /** Vectors written so far. */
  public long rows() {
    return rows;
  }

  /** Writes what is buffered and, for {@code .npy}, the header; call once, after the last row. */
  public void finish() throws IOException {
    drain();
    if (npy) {
      channel.write(NpyHeader.float32(rows, dimension), 0);
    }
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  @Override public void close() throws IOException {
    channel.close();
  }
}
