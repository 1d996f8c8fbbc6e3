package dev.azimuth.shell;

import dev.azimuth.shell.format.OutputFormat;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * One open connection plus the settings statements run with: executes SQL, prints results in
 * the current format to stdout and failures through the {@link ErrorReporter}. Not thread-safe:
 * the shell runs one statement at a time.
 */
public final class Session {
  private final Connection connection;
  private final PrintWriter out;
  private final ErrorReporter errors;
  private OutputFormat format;

  /**
   * Creates a session; it does not own, and never closes, the connection.
   *
   * @param connection where statements run
   * @param format     how results are printed until {@link #setFormat} changes it
   * @param out        stdout
   * @param errors     where failures go
   */
  public Session(Connection connection, OutputFormat format, PrintWriter out, ErrorReporter errors) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.format = Objects.requireNonNull(format, "format");
    this.out = Objects.requireNonNull(out, "out");
    this.errors = Objects.requireNonNull(errors, "errors");
  }

  /**
   * Runs every statement of {@code script} in order, stopping at the first failure.
   *
   * @return whether all of them succeeded
   */
  public boolean executeScript(String script) {
    for (String sql : StatementSplitter.split(script).all()) {
      if (!execute(sql)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs one statement (without its {@code ;}) and prints its result or its error.
   *
   * @return whether it succeeded
   */
  public boolean execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          format.writeRows(rows, out);
        }
      } else {
        format.writeUpdate(UpdateSummary.of(sql, statement.getLargeUpdateCount()), out);
      }
      return true;
    } catch (SQLException e) {
      flushOut();
      errors.sqlError(e);
      return false;
    } catch (RuntimeException e) {
      // A driver bug must not end an interactive session; it is reported like any failure.
      flushOut();
      errors.internalError(e);
      return false;
    } finally {
      flushOut();
    }
  }

  /** The format results are printed in. */
  public OutputFormat format() {
    return format;
  }

  /** Changes the format of later results. */
  public void setFormat(OutputFormat format) {
    this.format = Objects.requireNonNull(format, "format");
  }

  /** Stdout, for shell commands that print. */
  public PrintWriter out() {
    return out;
  }

  /** Where failures are reported. */
  public ErrorReporter errors() {
    return errors;
  }

  private void flushOut() {
    // Flushed before any error line so stdout and stderr interleave in the order things happened.
    out.flush();
  }
}
