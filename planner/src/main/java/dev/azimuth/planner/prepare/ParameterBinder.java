package dev.azimuth.planner.prepare;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.VectorText;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.sql.type.VectorSqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Converts the values a client binds to the representation generated code expects for each
 * parameter's type: a vector from a {@code float[]}, a list, an array or its text form; numbers
 * from any number or numeric text; dates and times from java.sql or java.time values.
 * Stateless.
 */
public final class ParameterBinder {
  private ParameterBinder() {}

  /** Converts every value; {@code values[i]} binds parameter i+1. */
  public static Object[] bind(List<RelDataType> types, Object[] values) {
    if (values.length != types.size()) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "the statement has "
          + types.size() + " parameters but " + values.length + " values were given");
    }
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      try {
        out[i] = values[i] == null ? null : convert(types.get(i), values[i]);
      } catch (AzimuthException e) {
        throw new PlanningException(e.code(), "parameter " + (i + 1) + ": " + e.getMessage(), e);
      } catch (RuntimeException | SQLException e) {
        throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "parameter " + (i + 1)
            + ": cannot use " + describe(values[i]) + " as " + types.get(i), e);
      }
    }
    return out;
  }

  private static Object convert(RelDataType type, Object v) throws SQLException {
    if (type instanceof VectorSqlType vector) {
      float[] f = toVector(v);
      if (vector.hasKnownDimension() && f.length != vector.dimension()) {
        throw new AzimuthException(ErrorCode.DATA_EXCEPTION,
            "expected " + vector.dimension() + " dimensions, not " + f.length);
      }
      return f;
    }
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> v instanceof Boolean b ? b
          : v instanceof String s ? parseBoolean(s) : ((Number) v).intValue() != 0;
      case TINYINT -> (byte) exactLong(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> (short) exactLong(v, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> (int) exactLong(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> exactLong(v, Long.MIN_VALUE, Long.MAX_VALUE);
      case REAL -> v instanceof String s ? Float.parseFloat(s.strip()) : ((Number) v).floatValue();
      case DOUBLE, FLOAT -> v instanceof String s ? Double.parseDouble(s.strip())
          : ((Number) v).doubleValue();
      case DECIMAL -> toBigDecimal(v);
      case CHAR, VARCHAR -> v instanceof float[] f ? VectorText.format(f) : v.toString();
      case DATE -> switch (v) {
        case Integer days -> days;
        case java.sql.Date d -> (int) d.toLocalDate().toEpochDay();
        case LocalDate d -> (int) d.toEpochDay();
        case String s -> (int) LocalDate.parse(s.strip()).toEpochDay();
        default -> throw new IllegalArgumentException();
      };
      case TIMESTAMP -> switch (v) {
        case Long millis -> millis;
        case java.sql.Timestamp t -> millis(t.toLocalDateTime());
        case LocalDateTime t -> millis(t);
        case java.util.Date d -> d.getTime();
        case String s -> millis(java.sql.Timestamp.valueOf(s.strip()).toLocalDateTime());
        default -> throw new IllegalArgumentException();
      };
      case TIME -> switch (v) {
        case Integer millis -> millis;
        case java.sql.Time t -> (int) (t.toLocalTime().toNanoOfDay() / 1_000_000);
        case LocalTime t -> (int) (t.toNanoOfDay() / 1_000_000);
        case String s -> (int) (LocalTime.parse(s.strip()).toNanoOfDay() / 1_000_000);
        default -> throw new IllegalArgumentException();
      };
      default -> v;
    };
  }

  private static float[] toVector(Object v) throws SQLException {
    float[] f = switch (v) {
      case float[] a -> a.clone();
      case String s -> VectorText.parse(s);
      case double[] a -> {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) {
          r[i] = (float) a[i];
        }
        yield r;
      }
      case Array a -> toVector(a.getArray());
      case Object[] a -> toVector(List.of(a));
      case List<?> list -> {
        float[] r = new float[list.size()];
        for (int i = 0; i < r.length; i++) {
          r[i] = ((Number) list.get(i)).floatValue();
        }
        yield r;
      }
      default -> throw new IllegalArgumentException();
    };
    VectorText.requireFinite(f, "vector");
    return f;
  }

  private static long exactLong(Object v, long min, long max) {
    BigDecimal d = toBigDecimal(v);
    long l;
    try {
      l = d.longValueExact();
    } catch (ArithmeticException e) {
      throw new AzimuthException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
          d + " is not an integer in range");
    }
    if (l < min || l > max) {
      throw new AzimuthException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, d + " is out of range");
    }
    return l;
  }

  private static BigDecimal toBigDecimal(Object v) {
    return switch (v) {
      case BigDecimal d -> d;
      case BigInteger i -> new BigDecimal(i);
      case Long l -> BigDecimal.valueOf(l);
      case Integer i -> BigDecimal.valueOf(i);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      case Number n -> new BigDecimal(n.toString());
      case String s -> new BigDecimal(s.strip());
      default -> throw new IllegalArgumentException();
    };
  }

  private static boolean parseBoolean(String s) {
    return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "t", "yes", "1" -> true;
      case "false", "f", "no", "0" -> false;
      default -> throw new IllegalArgumentException();
    };
  }

  private static long millis(LocalDateTime t) {
    return t.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static String describe(Object v) {
    String shown = v instanceof float[] f ? VectorText.format(f) : String.valueOf(v);
    if (shown.length() > 40) {
      shown = shown.substring(0, 37) + "...";
    }
    return v.getClass().getSimpleName() + " '" + shown + "'";
  }
}
