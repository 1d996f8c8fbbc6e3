package dev.azimuth.common.vectors;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads fixed-size numeric records, little-endian, from a file through one large buffer:
 * fvecs/ivecs records (an int32 length, then the values) or the rows of an .npy array. Not
 * thread-safe.
 */
public final class VectorFile implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 22;

  /** How records are laid out. */
  private enum Layout { VECS, NPY }

  private final FileChannel channel;
  private final Layout layout;
  private final int elementBytes;
  private final int dimension;
  private final long records;
  private final long dataOffset;
  private final long size;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES)
      .order(ByteOrder.LITTLE_ENDIAN);
  private long position;
  private long read;

  private VectorFile(FileChannel channel, Layout layout, int elementBytes, int dimension,
      long records, long dataOffset) throws IOException {
    this.channel = channel;
    this.layout = layout;
    this.elementBytes = elementBytes;
    this.dimension = dimension;
    this.records = records;
    this.dataOffset = dataOffset;
    this.size = channel.size();
    this.position = dataOffset;
    buffer.limit(0);
  }

  /**
   * Opens an fvecs or ivecs file (read as floats or as ints by the caller); the dimension is
   * the first record's.
   *
   * @throws AzimuthException 22P04 if the file is not whole records of one dimension
   */
  public static VectorFile vecs(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long size = channel.size();
      if (size == 0) {
        return new VectorFile(channel, Layout.VECS, 4, 0, 0, 0);
      }
      ByteBuffer first = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(first, 0);
      int dimension = first.flip().remaining() == 4 ? first.getInt() : -1;
      if (dimension <= 0 || dimension > 1_000_000) {
        throw bad("row 1: the file does not start with a vector length (read " + dimension + ")");
      }
      long recordBytes = 4L + 4L * dimension;
      if (size % recordBytes != 0) {
        throw bad("the file is " + size + " bytes, not a whole number of " + dimension
            + "-dimensional records of " + recordBytes + " bytes (is it cut short?)");
      }
      return new VectorFile(channel, Layout.VECS, 4, dimension, size / recordBytes, 0);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Opens an .npy array: two dimensions (rows, dimension) for vectors, one (or a second of 1)
   * for keys.
   */
  public static VectorFile npy(Path path, boolean vectors) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      NpyHeader header = NpyHeader.read(channel);
      int bytes = header.elementBytes();
      boolean floating = header.descr().startsWith("<f");
      long[] shape = header.shape();
      if (vectors && (shape.length != 2 || !floating)) {
        throw bad("an .npy file of vectors must be a 2-D float32 or float64 array; this one is "
            + header.descr() + " of shape " + java.util.Arrays.toString(shape));
      }
      if (!vectors && (floating || !(shape.length == 1 || shape.length == 2 && shape[1] == 1))) {
        throw bad("an .npy file of keys must be a 1-D int32 or int64 array; this one is "
            + header.descr() + " of shape " + java.util.Arrays.toString(shape));
      }
      long rows = shape[0];
      int dimension = shape.length == 2 ? Math.toIntExact(shape[1]) : 1;
      long need = header.dataOffset() + rows * dimension * bytes;
      if (channel.size() < need) {
        throw bad("the .npy file is " + channel.size() + " bytes, but its header promises "
            + need + " (is it cut short?)");
      }
      return new VectorFile(channel, Layout.NPY, bytes, dimension, rows, header.dataOffset());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public int dimension() {
    return dimension;
  }

  public long records() {
    return records;
  }

  public long size() {
    return size;
  }

  /** Bytes consumed so far. */
  public long bytesRead() {
    return position - buffer.remaining();
  }

  public boolean hasNext() {
    return read < records;
  }

  /** The next record as floats (float64 narrowed); call only when {@link #hasNext}. */
  public float[] nextFloats() throws IOException {
    float[] v = new float[dimension];
    fill(recordBytes());
    header();
    if (elementBytes == 4) {
      buffer.asFloatBuffer().get(v);
      buffer.position(buffer.position() + 4 * dimension);
    } else {
      for (int i = 0; i < dimension; i++) {
        v[i] = (float) buffer.getDouble();
      }
    }
    read++;
    return v;
  }

  /** The next record's single integer (a key); call only when {@link #hasNext}. */
  public long nextLong() throws IOException {
    fill(recordBytes());
    header();
    long v = elementBytes == 4 ? buffer.getInt() : buffer.getLong();
    read++;
    return v;
  }

  /** Skips up to n records; returns how many. */
  public long skip(long n) {
    long skip = Math.min(n, records - read);
    long bytes = skip * recordBytes();
    long inBuffer = Math.min(bytes, buffer.remaining());
    buffer.position(buffer.position() + (int) inBuffer);
    position += bytes - inBuffer;
    read += skip;
    return skip;
  }

  private void header() {
    if (layout == Layout.VECS) {
      int d = buffer.getInt();
      if (d != dimension) {
        throw bad("row " + (read + 1) + ": a vector of " + d + " dimensions in a file of "
            + dimension);
      }
    }
  }

  private int recordBytes() {
    return (layout == Layout.VECS ? 4 : 0) + elementBytes * dimension;
  }

  private void fill(int needed) throws IOException {
    if (buffer.remaining() >= needed) {
      return;
    }
    buffer.compact();
    while (buffer.position() < needed) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw bad("row " + (read + 1) + ": the file ends inside a record");
      }
      position += n;
    }
    buffer.flip();
  }

  private static AzimuthException bad(String message) {
    return new AzimuthException(ErrorCode.BAD_COPY_FILE_FORMAT, message);
  }

  @Override public void close() throws IOException {
    channel.close();
  }
}
