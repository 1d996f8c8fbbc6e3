package dev.azimuth.planner.copy;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.common.VectorText;
import dev.azimuth.storage.ColumnDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * Turns what a file holds (text, JSON values, Parquet values) into the value a column stores
 * (storage's one Java form per type), and back into text for COPY TO. Stateless.
 */
public final class ValueConverter {
  /** TIMESTAMP text: {@code 2024-05-01 12:30:00[.123]}, a {@code T} also accepted on input. */
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).optionalStart().appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();
  private static final DateTimeFormatter TIMESTAMP_OUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

  private ValueConverter() {}

  /**
   * The value of a column written as text (a CSV field, a JSON string).
   *
   * @throws PlanningException 22P02 naming the column if the text is not a value of its type
   */
  public static Object fromText(ColumnDef column, String text) {
    String t = text.strip();
    try {
      return switch (column.type()) {
        case VARCHAR -> text;
        case BOOLEAN -> bool(column, t);
        case INTEGER -> Integer.parseInt(t);
        case BIGINT -> Long.parseLong(t);
        case REAL -> Float.parseFloat(t);
        case DOUBLE -> Double.parseDouble(t);
        case DECIMAL -> new BigDecimal(t);
        case DATE -> (int) LocalDate.parse(t).toEpochDay();
        case TIMESTAMP -> LocalDateTime.parse(t, TIMESTAMP).toInstant(ZoneOffset.UTC)
            .toEpochMilli();
        case VECTOR -> VectorText.parse(t);
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid(column, "'" + abbreviate(text) + "'");
    } catch (AzimuthException e) {
      throw new PlanningException(e.code(), "column " + column.name() + ": " + e.getMessage());
    }
  }

  /**
   * The value of a column given as a Java object: a number, boolean, string, date or time, a
   * list or array of numbers for a vector (as JSON and Parquet readers produce them).
   *
   * @throws PlanningException 22P02 or 22003 naming the column if it does not fit
   */
  public static Object fromObject(ColumnDef column, Object value) {
    if (value instanceof String s) {
      return fromText(column, s);
    }
    return switch (column.type()) {
      case VARCHAR -> value instanceof Number || value instanceof Boolean ? value.toString()
          : mismatch(column, value);
      case BOOLEAN -> value instanceof Boolean b ? b : mismatch(column, value);
      case INTEGER -> (int) integral(column, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> integral(column, value, Long.MIN_VALUE, Long.MAX_VALUE);
      case REAL -> value instanceof Number n ? n.floatValue() : mismatch(column, value);
      case DOUBLE -> value instanceof Number n ? n.doubleValue() : mismatch(column, value);
      case DECIMAL -> value instanceof BigDecimal d ? d
          : value instanceof Number n ? new BigDecimal(n.toString()) : mismatch(column, value);
      case DATE -> value instanceof LocalDate d ? (Object) (int) d.toEpochDay()
          : mismatch(column, value);
      case TIMESTAMP -> switch (value) {
        case Instant i -> i.toEpochMilli();
        case LocalDateTime l -> l.toInstant(ZoneOffset.UTC).toEpochMilli();
        default -> mismatch(column, value);
      };
      case VECTOR -> vector(column, value);
    };
  }

  /** A vector from a float or double array or a list of numbers. */
  static float[] vector(ColumnDef column, Object value) {
    return switch (value) {
      case float[] f -> f;
      case double[] d -> {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
          f[i] = (float) d[i];
        }
        yield f;
      }
      case List<?> list -> {
        float[] f = new float[list.size()];
        for (int i = 0; i < f.length; i++) {
          if (!(list.get(i) instanceof Number n)) {
            throw invalid(column, "a vector with the element " + list.get(i));
          }
          f[i] = n.floatValue();
        }
        yield f;
      }
      default -> mismatch(column, value);
    };
  }

  /** The text COPY TO writes for a value of a result column (null for NULL). */
  public static String toText(Object value) {
    return switch (value) {
      case null -> null;
      case float[] v -> VectorText.format(v);
      case BigDecimal d -> d.toPlainString();
      default -> value.toString();
    };
  }

  /** The text of a DATE held as days since 1970-01-01. */
  public static String dateText(int days) {
    return LocalDate.ofEpochDay(days).toString();
  }

  /** The text of a TIMESTAMP held as milliseconds, no zone. */
  public static String timestampText(long millis) {
    return TIMESTAMP_OUT.format(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
        (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC));
  }

  private static long integral(ColumnDef column, Object value, long min, long max) {
    if ((value instanceof Long || value instanceof Integer)
        && ((Number) value).longValue() >= min && ((Number) value).longValue() <= max) {
      return ((Number) value).longValue();
    }
    BigDecimal d = switch (value) {
      case Long l -> BigDecimal.valueOf(l);
      case Integer i -> BigDecimal.valueOf(i);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      case BigInteger b -> new BigDecimal(b);
      case BigDecimal b -> b;
      case Number n -> new BigDecimal(n.toString());
      default -> null;
    };
    if (d == null) {
      mismatch(column, value);
    }
    BigInteger whole;
    try {
      whole = d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw invalid(column, value.toString());
    }
    if (whole.compareTo(BigInteger.valueOf(min)) < 0
        || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new PlanningException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value " + value
          + " is out of range for column " + column.name() + " " + column.sqlType());
    }
    return whole.longValue();
  }

  private static Boolean bool(ColumnDef column, String t) {
    return switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "t", "yes", "y", "on", "1" -> true;
      case "false", "f", "no", "n", "off", "0" -> false;
      default -> throw invalid(column, "'" + abbreviate(t) + "'");
    };
  }

  private static <T> T mismatch(ColumnDef column, Object value) {
    throw new PlanningException(ErrorCode.DATATYPE_MISMATCH, "column " + column.name() + " is "
        + column.sqlType() + " but the file holds " + describe(value));
  }

  private static String describe(Object value) {
    return switch (value) {
      case Number n -> "the number " + n;
      case Boolean b -> "the boolean " + b;
      case List<?> l -> "a list of " + l.size() + " values";
      default -> "a " + value.getClass().getSimpleName();
    };
  }

  private static AzimuthException invalid(ColumnDef column, String what) {
    return new PlanningException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input for column "
        + column.name() + " " + column.sqlType() + ": " + abbreviate(what));
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
