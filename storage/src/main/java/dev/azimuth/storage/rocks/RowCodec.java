package dev.azimuth.storage.rocks;

import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A row's value in the rows column family. Format 2 (written now): {@code version, segment
 * (varint), ordinal (varint), column count (varint), then per column: id (varint), tag (0 NULL,
 * 1 a value follows, 2 a vector, stored in the segment), value}. Values are named by column id,
 * so rows stored before a column was added or dropped read right: a column a row does not name
 * holds the value it was added with, and a dropped column's value is skipped. Format 1 (rows
 * stored before columns could change): {@code version, segment, ordinal, null bitmap, non-null
 * scalar values in column order}, laid out as {@link TableDef#legacyLayout} says, column ids
 * 1, 2, ... by position. Vectors are never here: they live in the segment at (segment,
 * ordinal). Stateless but for {@link Layout}, which is immutable.
 */
final class RowCodec {
  private static final int VERSION_1 = 1;
  private static final int VERSION = 2;
  private static final int NULL = 0;
  private static final int VALUE = 1;
  private static final int VECTOR = 2;

  private RowCodec() {}

  /** Where a stored row's vectors live. */
  record Location(int segment, int ordinal) {}

  /** A table's columns by id, made once per definition for decoding. */
  static final class Layout {
    private final TableDef table;
    private final int[] indexById;
    private final Object[] missing;

    Layout(TableDef table) {
      this.table = table;
      int maxId = 0;
      for (ColumnDef c : table.columns()) {
        maxId = Math.max(maxId, c.id());
      }
      indexById = new int[Math.max(maxId, table.legacyLayout().size()) + 1];
      java.util.Arrays.fill(indexById, -1);
      missing = new Object[table.columns().size()];
      for (int i = 0; i < table.columns().size(); i++) {
        ColumnDef c = table.columns().get(i);
        indexById[c.id()] = i;
        missing[i] = c.type() == ColumnType.VECTOR ? null : c.missingValue();
      }
    }

    TableDef table() {
      return table;
    }

    /** The column index of a column id, or -1 for a dropped column. */
    int indexOf(int columnId) {
      return columnId < indexById.length ? indexById[columnId] : -1;
    }
  }

  static byte[] encode(TableDef table, Object[] row, int segment, int ordinal) {
    Out out = new Out();
    out.write(VERSION);
    out.varint(segment);
    out.varint(ordinal);
    int n = row.length;
    out.varint(n);
    Out value = new Out();
    for (int i = 0; i < n; i++) {
      ColumnDef c = table.columns().get(i);
      out.varint(c.id());
      if (row[i] == null) {
        out.write(NULL);
      } else if (c.type() == ColumnType.VECTOR) {
        out.write(VECTOR);
      } else {
        out.write(VALUE);
        value.reset();
        writeValue(value, c.type(), row[i]);
        out.varint(value.size());
        out.write(value.toByteArray(), 0, value.size());
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
    return decode(new Layout(table), value, vectorNull);
  }

  static Object[] decode(Layout layout, byte[] value, boolean[] vectorNull) {
    TableDef table = layout.table();
    In in = new In(value);
    int version = in.u8();
    in.varint();
    in.varint();
    int width = table.columns().size();
    Object[] row = layout.missing.clone();
    boolean[] seen = new boolean[width];
    if (version == VERSION) {
      int n = in.varint();
      for (int k = 0; k < n; k++) {
        int index = layout.indexOf(in.varint());
        int tag = in.u8();
        ColumnType type = index >= 0 ? table.columns().get(index).type() : null;
        Object v = null;
        if (tag == VALUE) {
          // A dropped column's value is read only to step over it: its type is in the value.
          v = readTagged(in, type);
        }
        if (index >= 0) {
          seen[index] = true;
          if (type == ColumnType.VECTOR) {
            vectorNull[index] = tag != VECTOR;
          } else {
            row[index] = v;
          }
        }
      }
    } else if (version == VERSION_1) {
      List<ColumnType> legacy = table.legacyLayout();
      int n = legacy.size();
      int nullStart = in.pos;
      in.pos += (n + 7) / 8;
      for (int p = 0; p < n; p++) {
        boolean isNull = (value[nullStart + (p >>> 3)] & (1 << (p & 7))) != 0;
        int index = layout.indexOf(p + 1);
        ColumnType type = legacy.get(p);
        Object v = !isNull && type != ColumnType.VECTOR ? readValue(in, type) : null;
        if (index >= 0) {
          seen[index] = true;
          if (type == ColumnType.VECTOR) {
            vectorNull[index] = isNull;
          } else {
            row[index] = v;
          }
        }
      }
    } else {
      throw new IllegalStateException("unknown row format " + version);
    }
    for (int i = 0; i < width; i++) {
      if (!seen[i] && table.columns().get(i).type() == ColumnType.VECTOR) {
        vectorNull[i] = true;
      }
    }
    return row;
  }

  /**
   * A format-2 value: self-delimiting, so that a dropped column's can be skipped without its
   * type. Each value is written as a varint length and its bytes.
   */
  private static Object readTagged(In in, ColumnType type) {
    int length = in.varint();
    int end = in.pos + length;
    Object v = type == null ? null : readValue(in, type);
    in.pos = end;
    return v;
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
