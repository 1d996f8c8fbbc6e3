package dev.azimuth.storage;

import java.math.BigDecimal;

/**
 * The order of scalar values in a BTREE index, and the comparison a search of one makes
 * against a constant: SQL's order of the value's type, with NULL after every value (as in
 * PostgreSQL, where NULLS LAST is the default ascending), and NaN after every number but
 * before NULL (PostgreSQL's rule too). Numbers of different Java types compare by value:
 * integral ones as longs, decimals exactly, others as doubles, with -0.0 equal to 0.0.
 * Stateless.
 */
public final class ValueOrder {
  private ValueOrder() {}

  /** Compares two values of one column, or a column's value with a constant of its type. */
  public static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      boolean nanX = isNaN(x);
      boolean nanY = isNaN(y);
      if (nanX || nanY) {
        return nanX ? (nanY ? 0 : 1) : -1;
      }
      if (isIntegral(x) && isIntegral(y)) {
        return Long.compare(x.longValue(), y.longValue());
      }
      if (x instanceof BigDecimal || y instanceof BigDecimal) {
        return decimal(x).compareTo(decimal(y));
      }
      double p = x.doubleValue();
      double q = y.doubleValue();
      return p < q ? -1 : p > q ? 1 : 0;
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    throw new StorageException(dev.azimuth.common.ErrorCode.DATATYPE_MISMATCH, "cannot compare "
        + a.getClass().getSimpleName() + " with " + b.getClass().getSimpleName());
  }

  /** Whether a value is a floating-point NaN. */
  public static boolean isNaN(Object v) {
    return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d
        : isIntegral(n) ? BigDecimal.valueOf(n.longValue())
        : new BigDecimal(n.doubleValue());
  }
}
