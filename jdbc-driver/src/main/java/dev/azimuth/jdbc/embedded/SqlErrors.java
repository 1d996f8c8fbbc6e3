package dev.azimuth.jdbc.embedded;

import dev.azimuth.common.AzimuthException;
import java.sql.SQLException;

/**
 * The one place engine errors become {@link SQLException}s: the message the engine wrote and
 * the SQLSTATE of its condition, with the original kept as the cause. Avatica wraps what it
 * passes through in its own exceptions without a SQLSTATE; this unwraps them.
 */
final class SqlErrors {
  private SqlErrors() {}

  static SQLException translate(Exception e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof AzimuthException a) {
        return new SQLException(a.getMessage(), a.code().sqlState(), a);
      }
    }
    if (e instanceof SQLException s && s.getSQLState() != null) {
      return s;
    }
    return new SQLException(e.getMessage(), "XX000", e);
  }
}
