package dev.azimuth.storage.rocks;

import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A row's value in the rows column family: {@code version, segment (varint), ordinal (varint),
 * null bitmap, non-null scalar values in column order}. Vectors are not here: they live in the
 * segment at (segment, ordinal), and only their null bits are. Stateless.
 */
final class RowCodec {
  private static final int VERSION = 1;

  private RowCodec() {}

  /** Where a stored row's vectors live. */
  record Location(int segment, int ordinal) {}

  static byte[] encode(TableDef table, Object[] row, int segment, int ordinal) {
    Out out = new Out();
    out.write(VERSION);
    out.varint(segment);
    out.varint(ordinal);
    int n = row.length;
    byte[] nulls = new byte[(n + 7) / 8];
    for (int i = 0; i < n; i++) {
      if (row[i] == null) {
        nulls[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    out.write(nulls, 0, nulls.length);
    for (int i = 0; i < n; i++) {
      ColumnDef c = table.columns().get(i);
      if (row[i] != null && c.type() != ColumnType.VECTOR) {
        writeValue(out, c.type(), row[i]);
      }
    }
    return out.toByteArray();
  }

  static Location location(byte[] value) {
    In in = new In(value);
    in.u8();
    return new Location(in.varint(), in.varint());
  }

  /**
   * Decodes the scalar columns of a stored row into a full-width array; vector columns are left
   * null and {@code vectorNull[i]} says whether vector column i is NULL.
   */
  static Object[] decode(TableDef table, byte[] value, boolean[] vectorNull) {
    In in = new In(value);
    int version = in.u8();
    if (version != VERSION) {
      throw new IllegalStateException("unknown row format " + version);
    }
    in.varint();
    in.varint();
    int n = table.columns().size();
    int nullStart = in.pos;
    in.pos += (n + 7) / 8;
    Object[] row = new Object[n];
    for (int i = 0; i < n; i++) {
      boolean isNull = (value[nullStart + (i >>> 3)] & (1 << (i & 7))) != 0;
      ColumnType type = table.columns().get(i).type();
      if (type == ColumnType.VECTOR) {
        vectorNull[i] = isNull;
      } else if (!isNull) {
        row[i] = readValue(in, type);
      }
    }
    return row;
  }

  private static void writeValue(Out out, ColumnType type, Object v) {
    switch (type) {
      case BOOLEAN -> out.write((Boolean) v ? 1 : 0);
      case INTEGER, DATE -> out.int32((Integer) v);
      case BIGINT, TIMESTAMP -> out.int64((Long) v);
      case REAL -> out.int32(Float.floatToRawIntBits((Float) v));
      case DOUBLE -> out.int64(Double.doubleToRawLongBits((Double) v));
      case DECIMAL -> {
        BigDecimal d = (BigDecimal) v;
        out.varint(d.scale());
        out.bytes(d.unscaledValue().toByteArray());
      }
      case VARCHAR -> out.bytes(((String) v).getBytes(StandardCharsets.UTF_8));
      default -> throw new AssertionError(type);
    }
  }

  private static Object readValue(In in, ColumnType type) {
    return switch (type) {
      case BOOLEAN -> in.u8() != 0;
      case INTEGER, DATE -> in.int32();
      case BIGINT, TIMESTAMP -> in.int64();
      case REAL -> Float.intBitsToFloat(in.int32());
      case DOUBLE -> Double.longBitsToDouble(in.int64());
      case DECIMAL -> {
        int scale = in.varint();
        yield new BigDecimal(new BigInteger(in.bytes()), scale);
      }
      case VARCHAR -> new String(in.bytes(), StandardCharsets.UTF_8);
      default -> throw new AssertionError(type);
    };
  }

  /** Growable output buffer with the few primitives rows need. */
  private static final class Out extends ByteArrayOutputStream {
    Out() {
      super(64);
    }

    void varint(int v) {
      while ((v & ~0x7F) != 0) {
        write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      write(v);
    }

    void int32(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
    }

    void int64(long v) {
      int32((int) (v >>> 32));
      int32((int) v);
    }

    void bytes(byte[] b) {
      varint(b.length);
      write(b, 0, b.length);
    }
  }

  /** Reader over a row value. */
  private static final class In {
    private final byte[] b;
    private int pos;

    In(byte[] b) {
      this.b = b;
    }

    int u8() {
      return b[pos++] & 0xFF;
    }

    int varint() {
      int v = 0;
      for (int shift = 0; ; shift += 7) {
        int x = u8();
        v |= (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
    }

    int int32() {
      return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
    }

    long int64() {
      return ((long) int32() << 32) | (int32() & 0xFFFFFFFFL);
    }

    byte[] bytes() {
      int n = varint();
      byte[] out = new byte[n];
      System.arraycopy(b, pos, out, 0, n);
      pos += n;
      return out;
    }
  }
}
