package dev.azimuth.index.text;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.Arrays;

/** A growable byte array that variable-length integers are appended to. Not thread-safe. */
final class ByteSink {
  // Arrays near Integer.MAX_VALUE cannot be allocated on common JVMs.
  private static final int MAX_SIZE = Integer.MAX_VALUE - 16;

  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[Math.max(capacity, 4)];
  }

  /** Appends {@code value} (non-negative) in 7-bit groups, low group first. */
  void writeVarLong(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  void writeVarInt(int value) {
    writeVarLong(value & 0xFFFFFFFFL);
  }

  void writeBytes(byte[] source, int from, int length) {
    ensure(length);
    System.arraycopy(source, from, bytes, size, length);
    size += length;
  }

  int size() {
    return size;
  }

  /** The bytes written, in an array of exactly that length. */
  byte[] toArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** The backing array; only the first {@link #size()} bytes are meaningful. */
  byte[] array() {
    return bytes;
  }

  private void ensure(int more) {
    if (size + (long) more > bytes.length) {
      long wanted = Math.max((long) bytes.length * 2, (long) size + more);
      if (size + (long) more > MAX_SIZE) {
        throw new AzimuthException(ErrorCode.FEATURE_NOT_SUPPORTED,
            "a text index of one segment cannot exceed " + MAX_SIZE + " bytes of postings");
      }
      bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, MAX_SIZE));
    }
  }
}
