package dev.azimuth.storage;

/**
 * The column types storage can hold, each with one Java representation used everywhere a value
 * of that type is passed in or out: BOOLEAN {@link Boolean}, INTEGER {@link Integer}, BIGINT
 * {@link Long}, REAL {@link Float}, DOUBLE {@link Double}, DECIMAL {@link java.math.BigDecimal},
 * VARCHAR {@link String}, DATE {@link Integer} (days since 1970-01-01), TIMESTAMP {@link Long}
 * (milliseconds since 1970-01-01T00:00, no time zone), VECTOR {@code float[]}.
 */
public enum ColumnType {
  BOOLEAN,
  INTEGER,
  BIGINT,
  REAL,
  DOUBLE,
  DECIMAL,
  VARCHAR,
  DATE,
  TIMESTAMP,
  VECTOR;

  /** Whether a primary key may have this type. */
  public boolean canBeKey() {
    return this == INTEGER || this == BIGINT || this == VARCHAR;
  }
}
