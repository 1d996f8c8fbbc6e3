package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.VectorText;
import java.math.BigDecimal;

/**
 * One column of a table.
 *
 * @param id          stable identifier within the table, never reused: stored rows name their
 *                    values by it, so a column keeps its data through renames and the others
 *                    theirs when one is dropped
 * @param name        the column's name, as SQL resolved it
 * @param type        its type
 * @param precision   VARCHAR: maximum length, or -1 for unbounded; DECIMAL: total digits;
 *                    VECTOR: dimension; otherwise -1
 * @param scale       DECIMAL: digits after the point; otherwise -1
 * @param nullable    whether NULL is allowed
 * @param defaultText the DEFAULT value in its text form ({@link #text}), or null for none
 *                    (NULL)
 * @param missingText the value of this column in rows stored before it was added (the DEFAULT
 *                    it was added with), in text form, or null for NULL
 */
public record ColumnDef(int id, String name, ColumnType type, int precision, int scale,
    boolean nullable, String defaultText, String missingText) {
  public ColumnDef {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }

  /** A column without DEFAULT, present since its table was made. */
  public ColumnDef(int id, String name, ColumnType type, int precision, int scale,
      boolean nullable) {
    this(id, name, type, precision, scale, nullable, null, null);
  }

  /** The dimension of a VECTOR column. */
  public int dimension() {
    if (type != ColumnType.VECTOR) {
      throw new IllegalStateException(name + " is not a vector column");
    }
    return precision;
  }

  /** The DEFAULT value in storage's Java form, or null. */
  public Object defaultValue() {
    return value(defaultText);
  }

  /** What rows stored before the column was added hold in it, in storage's Java form. */
  public Object missingValue() {
    return value(missingText);
  }

  public ColumnDef withName(String newName) {
    return new ColumnDef(id, newName, type, precision, scale, nullable, defaultText,
        missingText);
  }

  public ColumnDef withNullable(boolean allowed) {
    return new ColumnDef(id, name, type, precision, scale, allowed, defaultText, missingText);
  }

  /** @param value the new DEFAULT in storage's Java form, or null for none */
  public ColumnDef withDefault(Object value) {
    return new ColumnDef(id, name, type, precision, scale, nullable, text(value), missingText);
  }

  /** The same column as added to a table that holds rows: they get its DEFAULT. */
  public ColumnDef added(int newId) {
    return new ColumnDef(newId, name, type, precision, scale, nullable, defaultText,
        defaultText);
  }

  /** A value of this column's type as the catalog writes it (exact: text round-trips). */
  public String text(Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case VECTOR -> VectorText.format((float[]) value);
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case REAL -> Float.toString((Float) value);
      case DOUBLE -> Double.toString((Double) value);
      default -> value.toString();
    };
  }

  private Object value(String text) {
    if (text == null) {
      return null;
    }
    try {
      return switch (type) {
        case BOOLEAN -> Boolean.parseBoolean(text);
        case INTEGER, DATE -> Integer.parseInt(text);
        case BIGINT, TIMESTAMP -> Long.parseLong(text);
        case REAL -> Float.parseFloat(text);
        case DOUBLE -> Double.parseDouble(text);
        case DECIMAL -> new BigDecimal(text);
        case VARCHAR -> text;
        case VECTOR -> VectorText.parse(text);
      };
    } catch (RuntimeException e) {
      throw new StorageException(ErrorCode.IO_ERROR, "column " + name
          + " has a damaged default '" + text + "' in the catalog", e);
    }
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
