package dev.azimuth.shell.copy;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.VectorText;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column of the table {@code \copy} loads, as JDBC describes it, and the conversion of what
 * a file holds (text, a JSON scalar, a vector) into the value bound to the INSERT. Checking
 * here, row by row, lets a bad row be reported with its line rather than as a failed batch.
 *
 * @param name      the column's name as stored
 * @param jdbcType  its {@link Types} code
 * @param typeName  its type as the driver names it, e.g. {@code VECTOR(128)}
 * @param nullable  whether it takes NULL
 * @param size      VARCHAR: the longest text (0 if unbounded)
 * @param dimension VECTOR: the number of components (0 for other types)
 */
record TargetColumn(String name, int jdbcType, String typeName, boolean nullable, int size,
    int dimension) {
  private static final Pattern VECTOR = Pattern.compile("VECTOR\\((\\d+)\\)",
      Pattern.CASE_INSENSITIVE);

  /** A column described by a driver; a VECTOR's dimension is read from its type name. */
  static TargetColumn of(String name, int jdbcType, String typeName, boolean nullable,
      int size) {
    Matcher m = VECTOR.matcher(typeName == null ? "" : typeName);
    int dimension = m.matches() ? Integer.parseInt(m.group(1)) : 0;
    return new TargetColumn(name, jdbcType, typeName, nullable, size, dimension);
  }

  boolean isVector() {
    return dimension > 0;
  }

  /** The name as SQL must write it to keep its case. */
  String quoted() {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /**
   * The value to bind for {@code raw}: a String (CSV field, JSON string), a Boolean or Number
   * (JSON), a {@code float[]} or a List of numbers (a vector), or null.
   *
   * @throws BadRowException naming this column if raw is no value of its type
   */
  Object convert(Object raw) throws BadRowException {
    if (raw == null) {
      if (!nullable) {
        throw new BadRowException("23502", "column " + name + " is NOT NULL but the row gives "
            + "it no value");
      }
      return null;
    }
    if (isVector()) {
      return vector(raw);
    }
    try {
      return switch (jdbcType) {
        case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR -> text(raw);
        case Types.BOOLEAN, Types.BIT -> bool(raw);
        case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> raw instanceof Number n
            ? Math.toIntExact(integral(n)) : Integer.parseInt(raw.toString().strip());
        case Types.BIGINT -> raw instanceof Number n ? integral(n)
            : Long.parseLong(raw.toString().strip());
        case Types.REAL, Types.FLOAT -> raw instanceof Number n ? n.floatValue()
            : Float.parseFloat(raw.toString().strip());
        case Types.DOUBLE -> raw instanceof Number n ? n.doubleValue()
            : Double.parseDouble(raw.toString().strip());
        case Types.DECIMAL, Types.NUMERIC -> new BigDecimal(raw.toString().strip());
        case Types.DATE -> Date.valueOf(raw instanceof LocalDate d ? d
            : LocalDate.parse(raw.toString().strip()));
        case Types.TIMESTAMP -> Timestamp.valueOf(switch (raw) {
          case LocalDateTime t -> t;
          // A zoned instant (Parquet's adjusted-to-UTC timestamps) is stored as its UTC time.
          case java.time.Instant i -> LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
          default -> LocalDateTime.parse(raw.toString().strip().replace(' ', 'T'));
        });
        default -> raw.toString();
      };
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new BadRowException(e instanceof ArithmeticException ? "22003" : "22P02",
          "invalid input for column " + name + " " + typeName + ": '" + abbreviate(raw) + "'");
    }
  }

  private String text(Object raw) throws BadRowException {
    String s = raw.toString();
    if (size > 0 && s.codePointCount(0, s.length()) > size) {
      throw new BadRowException("22001", "value too long for column " + name + " " + typeName
          + ": " + s.codePointCount(0, s.length()) + " characters");
    }
    return s;
  }

  private Boolean bool(Object raw) throws BadRowException {
    if (raw instanceof Boolean b) {
      return b;
    }
    return switch (raw.toString().strip().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "on", "1" -> true;
      case "false", "f", "no", "n", "off", "0" -> false;
      default -> throw new BadRowException("22P02", "invalid input for column " + name
          + " BOOLEAN: '" + abbreviate(raw) + "'");
    };
  }

  private static long integral(Number n) {
    if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
      return new BigDecimal(n.toString()).longValueExact();
    }
    return n.longValue();
  }

  private float[] vector(Object raw) throws BadRowException {
    float[] v;
    switch (raw) {
      case float[] f -> v = f;
      case List<?> list -> {
        v = new float[list.size()];
        for (int i = 0; i < v.length; i++) {
          if (!(list.get(i) instanceof Number n)) {
            throw new BadRowException("22P02", "column " + name + ": vector component "
                + (i + 1) + " is not a number");
          }
          v[i] = n.floatValue();
        }
      }
      default -> {
        try {
          v = VectorText.parse(raw.toString());
        } catch (AzimuthException e) {
          throw new BadRowException(e.code().sqlState(), "column " + name + ": "
              + e.getMessage());
        }
      }
    }
    if (v.length != dimension) {
      throw new BadRowException("22000", "column " + name + " " + typeName + " takes vectors of "
          + dimension + " dimensions, not " + v.length);
    }
    for (float f : v) {
      if (!Float.isFinite(f)) {
        throw new BadRowException("22000", "column " + name + ": a vector component is "
            + f);
      }
    }
    return v;
  }

  private static String abbreviate(Object raw) {
    String s = raw.toString();
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
