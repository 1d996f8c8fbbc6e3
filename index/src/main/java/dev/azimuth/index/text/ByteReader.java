package dev.azimuth.index.text;

/**
 * Reads what {@link ByteSink} and the file header wrote, from a byte array, checking every read
 * against the end so that damaged lengths fail cleanly. Not thread-safe.
 */
final class ByteReader {
  /** A read past the end, or an encoding that cannot be; the reader's caller names the file. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private final byte[] bytes;
  private final int end;
  private int position;

  ByteReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.position = from;
    this.end = to;
  }

  int position() {
    return position;
  }

  boolean atEnd() {
    return position == end;
  }

  long readVarLong() throws Malformed {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw new Malformed("truncated number at byte " + position);
      }
      byte b = bytes[position++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new Malformed("number longer than 10 bytes at byte " + position);
  }

  int readVarInt() throws Malformed {
    long value = readVarLong();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new Malformed("number " + Long.toUnsignedString(value) + " out of range at byte "
          + position);
    }
    return (int) value;
  }

  int readInt() throws Malformed {
    require(4);
    int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
        | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
    position += 4;
    return value;
  }

  long readLong() throws Malformed {
    return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
  }

  /** Skips {@code length} bytes and returns where they start. */
  int skip(int length) throws Malformed {
    require(length);
    int start = position;
    position += length;
    return start;
  }

  private void require(int length) throws Malformed {
    if (length < 0 || length > end - position) {
      throw new Malformed("truncated: " + length + " bytes wanted at byte " + position
          + ", " + (end - position) + " left");
    }
  }
}
