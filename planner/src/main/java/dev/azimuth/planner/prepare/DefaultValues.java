package dev.azimuth.planner.prepare;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.VectorText;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * A column's DEFAULT as written in CREATE TABLE or ALTER TABLE, evaluated once into the value
 * storage keeps: a constant (a literal, a signed number, a CAST of one). Text converts to the
 * column's type as a literal would (PostgreSQL's unknown-typed literal). Stateless.
 */
public final class DefaultValues {
  private DefaultValues() {}

  /**
   * The value in storage's Java form, or null for DEFAULT NULL.
   *
   * @throws PlanningException 0A000 for an expression that is not a constant, 42804 for a value
   *     of another type, 22P02 for text that is not of the column's type
   */
  public static Object of(SqlNode expression, ColumnDef column) {
    Object v = constant(expression, column);
    if (v == null) {
      return null;
    }
    String name = column.name();
    try {
      return switch (column.type()) {
        case BOOLEAN -> v instanceof Boolean b ? b
            : v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))
                ? Boolean.valueOf(s) : mismatch(column, v);
        case INTEGER -> number(column, v).intValueExact();
        case BIGINT -> number(column, v).longValueExact();
        case REAL -> number(column, v).floatValue();
        case DOUBLE -> number(column, v).doubleValue();
        case DECIMAL -> number(column, v).setScale(column.scale(), RoundingMode.HALF_UP);
        case VARCHAR -> v instanceof String s ? s : mismatch(column, v);
        case DATE -> v instanceof DateString d ? d.getDaysSinceEpoch()
            : v instanceof String s ? (int) LocalDate.parse(s.trim()).toEpochDay()
            : mismatch(column, v);
        case TIMESTAMP -> v instanceof TimestampString t ? t.getMillisSinceEpoch()
            : v instanceof String s ? LocalDateTime.parse(s.trim().replace(' ', 'T'))
                .toInstant(ZoneOffset.UTC).toEpochMilli()
            : mismatch(column, v);
        case VECTOR -> v instanceof String s ? VectorText.parse(s) : mismatch(column, v);
      };
    } catch (ArithmeticException e) {
      throw new PlanningException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "DEFAULT " + v
          + " is out of range for column " + name + " " + column.sqlType(), e);
    } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
      throw new PlanningException(ErrorCode.INVALID_TEXT_REPRESENTATION, "DEFAULT '" + v
          + "' is not a valid " + column.sqlType() + " for column " + name, e);
    }
  }

  private static Object constant(SqlNode e, ColumnDef column) {
    if (e instanceof SqlLiteral literal) {
      if (literal.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
        return null;
      }
      return switch (literal) {
        case SqlNumericLiteral n -> n.getValueAs(BigDecimal.class);
        case SqlCharStringLiteral s -> s.getValueAs(String.class);
        case SqlDateLiteral d -> d.getValueAs(DateString.class);
        case SqlTimestampLiteral t -> t.getValueAs(TimestampString.class);
        // DATE '2024-01-02' and TIMESTAMP '...' before validation: the text, checked below.
        case org.apache.calcite.sql.SqlUnknownLiteral u -> u.getValue();
        default -> literal.getValue() instanceof Boolean b ? b : notConstant(e, column);
      };
    }
    if (e instanceof SqlBasicCall call) {
      if (call.getKind() == SqlKind.MINUS_PREFIX
          && constant(call.operand(0), column) instanceof BigDecimal d) {
        return d.negate();
      }
      if (call.getKind() == SqlKind.PLUS_PREFIX) {
        return constant(call.operand(0), column);
      }
      if (call.getKind() == SqlKind.CAST) {
        return constant(call.operand(0), column);
      }
    }
    return notConstant(e, column);
  }

  private static Object notConstant(SqlNode e, ColumnDef column) {
    throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED, "DEFAULT " + e
        + " of column " + column.name() + " is not supported: a DEFAULT must be a constant");
  }

  private static BigDecimal number(ColumnDef column, Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof String s) {
      return new BigDecimal(s.trim());
    }
    return (BigDecimal) mismatch(column, v);
  }

  private static Object mismatch(ColumnDef column, Object v) {
    throw new PlanningException(ErrorCode.DATATYPE_MISMATCH, "column " + column.name() + " is "
        + column.sqlType() + " but its DEFAULT " + v + " is of another type");
  }
}
