package dev.azimuth.shell;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Writes failures to stderr as one line each, {@code ERROR <SQLState>: <message>}, so scripts
 * can grep them; the stack trace follows only in verbose mode. Not thread-safe.
 */
public final class ErrorReporter {
  /** PostgreSQL's internal_error, for failures the driver did not turn into an SQLException. */
  static final String INTERNAL_ERROR = "XX000";

  private final PrintWriter err;
  private final boolean verbose;

  /**
   * Creates a reporter.
   *
   * @param err     where the lines go (stderr)
   * @param verbose whether to print stack traces after the line
   */
  public ErrorReporter(PrintWriter err, boolean verbose) {
    this.err = Objects.requireNonNull(err, "err");
    this.verbose = verbose;
  }

  /** Reports a failed statement or connection attempt. */
  public void sqlError(SQLException e) {
    line(e.getSQLState(), e.getMessage(), e);
  }

  /** Reports an unchecked exception escaping the driver, which would otherwise kill the shell. */
  public void internalError(RuntimeException e) {
    line(INTERNAL_ERROR, e.getClass().getName() + ": " + e.getMessage(), e);
  }

  /** Reports a problem of the shell itself (bad file, unknown command), without SQLState. */
  public void shellError(String message) {
    line(null, message, null);
  }

  /**
   * A one-line notice that is no error, e.g. that a cancel was requested. Callable from another
   * thread (a signal handler): PrintWriter locks each call.
   */
  public void notice(String message) {
    err.println(message);
    err.flush();
  }

  private void line(String sqlState, String message, Throwable trace) {
    String text = message == null || message.isBlank() ? "(no message)" : oneLine(message);
    err.println(sqlState == null ? "ERROR: " + text : "ERROR " + sqlState + ": " + text);
    if (verbose && trace != null) {
      trace.printStackTrace(err);
    }
    err.flush();
  }

  /** Joins a multi-line message so each failure stays one line on stderr. */
  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
