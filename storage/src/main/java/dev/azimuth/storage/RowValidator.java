package dev.azimuth.storage;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.VectorText;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Checks a row against its table before it is written: NOT NULL, the Java type of each value,
 * VARCHAR length, DECIMAL precision, vector dimension and finiteness. Every message names the
 * column. Stateless.
 */
public final class RowValidator {
  private RowValidator() {}

  /**
   * Returns the row as it will be stored (DECIMAL values brought to the column's scale).
   *
   * @throws StorageException describing the first value that breaks a rule
   */
  public static Object[] validate(TableDef table, Object[] row) {
    if (row.length != table.columns().size()) {
      throw new StorageException(ErrorCode.INTERNAL_ERROR, "row of " + row.length
          + " values for table " + table.name() + " of " + table.columns().size() + " columns");
    }
    Object[] out = row.clone();
    for (int i = 0; i < row.length; i++) {
      ColumnDef c = table.columns().get(i);
      Object v = row[i];
      if (v == null) {
        if (table.isHidden(i)) {
          continue;  // a row id storage assigns when it writes the row
        }
        if (!c.nullable() || i == table.primaryKey()) {
          throw new StorageException(ErrorCode.NOT_NULL_VIOLATION,
              "null value in column " + c.name() + " of table " + table.name()
                  + " violates its NOT NULL constraint");
        }
        continue;
      }
      out[i] = checkValue(c, v);
    }
    return out;
  }

  private static Object checkValue(ColumnDef c, Object v) {
    switch (c.type()) {
      case BOOLEAN -> expect(c, v, Boolean.class);
      case INTEGER, DATE -> expect(c, v, Integer.class);
      case BIGINT, TIMESTAMP -> expect(c, v, Long.class);
      case REAL -> expect(c, v, Float.class);
      case DOUBLE -> expect(c, v, Double.class);
      case VARCHAR -> {
        String s = expect(c, v, String.class);
        int broken = unpairedSurrogate(s);
        if (broken >= 0) {
          throw new StorageException(ErrorCode.CHARACTER_NOT_IN_REPERTOIRE, "column " + c.name()
              + ": the text holds an unpaired UTF-16 surrogate (U+"
              + Integer.toHexString(s.charAt(broken)).toUpperCase(java.util.Locale.ROOT)
              + " at character " + (broken + 1) + "), which is no Unicode character and "
              + "cannot be stored as UTF-8");
        }
        if (c.precision() >= 0 && s.codePointCount(0, s.length()) > c.precision()) {
          throw new StorageException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION,
              "value too long for column " + c.name() + " " + c.sqlType() + ": "
                  + s.codePointCount(0, s.length()) + " characters");
        }
      }
      case DECIMAL -> {
        BigDecimal d = expect(c, v, BigDecimal.class).setScale(c.scale(), RoundingMode.HALF_UP);
        if (d.precision() > c.precision()) {
          throw new StorageException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
              "value " + v + " does not fit column " + c.name() + " " + c.sqlType());
        }
        return d;
      }
      case VECTOR -> {
        float[] f = expect(c, v, float[].class);
        if (f.length != c.dimension()) {
          throw new StorageException(ErrorCode.DATA_EXCEPTION, "column " + c.name()
              + " expects " + c.dimension() + " dimensions, not " + f.length);
        }
        VectorText.requireFinite(f, "column " + c.name());
      }
      default -> throw new AssertionError(c.type());
    }
    return v;
  }

  /** The index of the first surrogate char without its pair, or -1. */
  public static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isHighSurrogate(ch)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(ch)) {
        return i;
      }
    }
    return -1;
  }

  private static <T> T expect(ColumnDef c, Object v, Class<T> type) {
    if (!type.isInstance(v)) {
      throw new StorageException(ErrorCode.DATATYPE_MISMATCH, "column " + c.name() + " is "
          + c.sqlType() + " but was given a " + v.getClass().getSimpleName());
    }
    return type.cast(v);
  }
}
