package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

/**
 * One column of a table.
 *
 * @param id        stable identifier within the table (survives future column renames)
 * @param name      the column's name, as SQL resolved it
 * @param type      its type
 * @param precision VARCHAR: maximum length, or -1 for unbounded; DECIMAL: total digits;
 *                  VECTOR: dimension; otherwise -1
 * @param scale     DECIMAL: digits after the point; otherwise -1
 * @param nullable  whether NULL is allowed
 */
public record ColumnDef(int id, String name, ColumnType type, int precision, int scale,
    boolean nullable) {
  public ColumnDef {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }

  /** The dimension of a VECTOR column. */
  public int dimension() {
    if (type != ColumnType.VECTOR) {
      throw new IllegalStateException(name + " is not a vector column");
    }
    return precision;
  }

  /** The type as SQL writes it, e.g. {@code VARCHAR(20)}, {@code DECIMAL(10,2)}, {@code VECTOR(3)}. */
  public String sqlType() {
    return switch (type) {
      case VARCHAR -> precision < 0 ? "VARCHAR" : "VARCHAR(" + precision + ")";
      case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
      case VECTOR -> "VECTOR(" + precision + ")";
      default -> type.name();
    };
  }
}
