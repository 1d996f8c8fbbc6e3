package dev.azimuth.shell.format;

import java.sql.Types;
import java.util.Locale;

/** How a format should treat a column's values, derived from its JDBC type. */
enum ColumnKind {
  /** Whole numbers, read as {@code long}. */
  INTEGER,
  /** 4-byte floats, read as {@code float} so they print without widening noise. */
  REAL,
  /** 8-byte floats. */
  DOUBLE,
  /** Exact decimals, read as {@code BigDecimal}. */
  DECIMAL,
  /** Booleans. */
  BOOLEAN,
  /** Azimuth vectors: {@code Types.OTHER} named {@code VECTOR(n)}, read as {@code float[]}. */
  VECTOR,
  /** Everything else, printed as the driver's string form. */
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
  boolean numeric() {
    return this == INTEGER || this == REAL || this == DOUBLE || this == DECIMAL;
  }
}
