package dev.azimuth.shell.format;

import java.sql.Types;
import java.util.Locale;

/**
 * How a format should treat a column's values, derived from its JDBC type. Each kind names the
 * Java type {@link Rows#value} returns for it.
 */
public enum ColumnKind {
  /** Whole numbers, {@code Long}. */
  INTEGER,
  /** 4-byte floats, {@code Float}, so they print without widening noise. */
  REAL,
  /** 8-byte floats, {@code Double}. */
  DOUBLE,
  /** Exact decimals, {@code BigDecimal}. */
  DECIMAL,
  /** Booleans, {@code Boolean}. */
  BOOLEAN,
  /** Azimuth vectors: {@code Types.OTHER} named {@code VECTOR(n)}, {@code float[]}. */
  VECTOR,
  /** Everything else: the driver's string form, {@code String}. */
  TEXT;

  static ColumnKind of(int jdbcType, String typeName) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
      case Types.REAL -> REAL;
      case Types.FLOAT, Types.DOUBLE -> DOUBLE;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.OTHER -> typeName != null && typeName.toUpperCase(Locale.ROOT).startsWith("VECTOR")
          ? VECTOR : TEXT;
      default -> TEXT;
    };
  }

  /** Whether the values are numbers, which tables align to the right. */
  public boolean numeric() {
    return this == INTEGER || this == REAL || this == DOUBLE || this == DECIMAL;
  }
}
