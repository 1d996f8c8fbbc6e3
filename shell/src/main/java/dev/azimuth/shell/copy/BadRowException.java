package dev.azimuth.shell.copy;

/**
 * A row of the file that cannot be loaded: the message says why (naming the column), the
 * SQLState what kind of problem it is, as COPY reports them (22P02 bad text, 22P04 bad layout,
 * 22000 wrong dimension, 23502 NULL in a NOT NULL column, 22001 text too long, ...).
 */
final class BadRowException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  BadRowException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  String sqlState() {
    return sqlState;
  }
}
