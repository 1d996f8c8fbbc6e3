package dev.azimuth.shell;

import dev.azimuth.shell.copy.ProgressLine;
import dev.azimuth.shell.copy.ServerCopyWatcher;
import dev.azimuth.shell.format.Display;
import dev.azimuth.shell.format.OutputFormat;
import dev.azimuth.shell.format.ResultSetRows;
import dev.azimuth.shell.format.Rows;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The shell's state: the open connection, the settings statements run with (format, {@code \x},
 * {@code \timing}) and where results go ({@code \o}). Executes SQL, prints results in the
 * current format and failures through the {@link ErrorReporter}. Owns the connection and closes
 * it. Used by the shell's one thread, except {@link #cancelRunning}, which any thread may call.
 */
public final class Session implements AutoCloseable {
  /** Statements after which the catalog may have changed (for completion). */
  private static final Set<String> DDL = Set.of("CREATE", "DROP", "ALTER");

  private final PrintWriter console;
  private final ErrorReporter errors;
  private Connection connection;
  private String url;
  private OutputFormat format;
  private Display.Expanded expanded = Display.Expanded.OFF;
  private boolean timing;
  /** Whether BEGIN opened a transaction block that has not ended yet (for the prompt). */
  private boolean inTransaction;
  private IntSupplier terminalWidth = () -> 0;
  private PrintWriter out;
  private Path outputFile;
  private long catalogVersion;
  private volatile Statement running;
  private volatile Runnable cancelAction;
  private ProgressLine progress = ProgressLine.NONE;

  /**
   * Creates a session that owns {@code connection}.
   *
   * @param connection where statements run, closed with the session
   * @param url        the URL it was opened with, for messages
   * @param format     how results are printed until {@link #setFormat} changes it
   * @param console    stdout
   * @param errors     where failures go
   */
  public Session(Connection connection, String url, OutputFormat format, PrintWriter console,
      ErrorReporter errors) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.url = Objects.requireNonNull(url, "url");
    this.format = Objects.requireNonNull(format, "format");
    this.console = Objects.requireNonNull(console, "console");
    this.out = console;
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
   * Runs one statement (without its {@code ;}) and prints its result or its error; with
   * {@code \timing} on, then its time on the console.
   *
   * @return whether it succeeded
   */
  public boolean execute(String sql) {
    boolean ok = run(sql);
    inTransaction = UpdateSummary.inTransactionAfter(sql, ok, inTransaction);
    return ok;
  }

  /** Whether a transaction block is open, as psql shows with {@code *} in its prompt. */
  public boolean inTransaction() {
    return inTransaction;
  }

  private boolean run(String sql) {
    long start = System.nanoTime();
    ServerCopyWatcher watcher = ServerCopyWatcher.isCopy(sql)
        ? ServerCopyWatcher.start(url, progress) : null;
    try (Statement statement = connection.createStatement()) {
      running = statement;
      try {
        if (statement.execute(sql)) {
          try (ResultSet rows = statement.getResultSet()) {
            print(sql, rows);
          }
        } else {
          format.writeUpdate(UpdateSummary.of(sql, statement.getLargeUpdateCount()), out);
        }
      } finally {
        running = null;
        if (watcher != null) {
          watcher.close();
        }
      }
      if (DDL.contains(UpdateSummary.firstWord(sql))) {
        catalogChanged();
      }
      out.flush();
      if (timing) {
        console.println(Elapsed.describe(System.nanoTime() - start));
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

  private void print(String sql, ResultSet rows) throws SQLException {
    Rows result = new ResultSetRows(rows);
    if (result.columns().size() == 1 && UpdateSummary.firstWord(sql).equals("EXPLAIN")) {
      List<String> lines = new ArrayList<>();
      while (result.next()) {
        lines.add(Objects.toString(result.text(0), ""));
      }
      format.writePlan(result.columns().get(0).label(), lines, out, display());
    } else {
      format.writeRows(result, out, display());
    }
  }

  /**
   * Asks the statement running now, if any, to stop (Ctrl-C). Safe from any thread, e.g. a
   * signal handler; the statement then fails with its driver's error (SQLState 57014).
   */
  public void cancelRunning() {
    Statement statement = running;
    Runnable action = cancelAction;
    if (statement == null && action != null) {
      action.run();
      errors.notice("Cancel request sent");
      return;
    }
    if (statement == null) {
      return;
    }
    try {
      statement.cancel();
      errors.notice("Cancel request sent");
    } catch (SQLException e) {
      // It finished (and was closed) meanwhile, or the driver cannot cancel: nothing to stop.
      errors.notice("Cancel request failed: "
          + ErrorReporter.oneLine(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Sets what Ctrl-C does while a shell command (not a statement) runs, e.g. stopping a
   * {@code \copy} after its current batch; null when it is done. Any thread may then call it.
   */
  public void onCancel(Runnable action) {
    this.cancelAction = action;
  }

  /** Prints a command's outcome ({@code COPY 100}) like a statement's, then its time. */
  public void printDone(String summary, long startNanos) {
    format.writeUpdate(summary, out);
    out.flush();
    if (timing) {
      console.println(Elapsed.describe(System.nanoTime() - startNanos));
      console.flush();
    }
  }

  /** Where long loads draw their progress: a terminal, or {@link ProgressLine#NONE}. */
  public ProgressLine progress() {
    return progress;
  }

  /** Draws progress on a terminal from now on (the interactive prompt sets it). */
  public void setProgress(ProgressLine progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** Prints a listing the shell assembled (e.g. {@code \dt}) in the current format. */
  public void print(Rows rows) throws SQLException {
    format.writeRows(rows, out, display());
    out.flush();
  }

  /** Prints a heading above a listing, in formats meant for people. */
  public void printTitle(String title) {
    format.writeTitle(title, out);
  }

  /**
   * Connects to {@code newUrl}; on success closes the old connection, on failure keeps it.
   *
   * @return whether the connection changed
   */
  public boolean connect(String newUrl) {
    Connection fresh;
    try {
      fresh = DriverManager.getConnection(newUrl);
    } catch (SQLException e) {
      errors.sqlError(e);
      return false;
    }
    Connection old = connection;
    connection = fresh;
    url = newUrl;
    // Closing the old connection rolls back whatever block was open on it.
    inTransaction = false;
    catalogChanged();
    try {
      old.close();
    } catch (SQLException e) {
      errors.sqlError(e);
    }
    return true;
  }

  /** The open connection, e.g. for catalog queries; replaced by {@link #connect}. */
  public Connection connection() {
    return connection;
  }

  /** The URL of the open connection. */
  public String url() {
    return url;
  }

  /**
   * A number that changes whenever the catalog may have: after DDL and after {@code \connect}.
   * Completion reloads its table and column names when it moves.
   */
  public long catalogVersion() {
    return catalogVersion;
  }

  private void catalogChanged() {
    catalogVersion++;
  }

  /** The format results are printed in. */
  public OutputFormat format() {
    return format;
  }

  /** Changes the format of later results. */
  public void setFormat(OutputFormat format) {
    this.format = Objects.requireNonNull(format, "format");
  }

  /** The {@code \x} setting. */
  public Display.Expanded expanded() {
    return expanded;
  }

  /** Changes the {@code \x} setting. */
  public void setExpanded(Display.Expanded expanded) {
    this.expanded = Objects.requireNonNull(expanded, "expanded");
  }

  /** Whether each statement's time is printed. */
  public boolean timing() {
    return timing;
  }

  /** Turns {@code \timing} on or off. */
  public void setTiming(boolean timing) {
    this.timing = timing;
  }

  /** Tells the session how wide the terminal is now, for {@code \x auto}. */
  public void setTerminalWidth(IntSupplier terminalWidth) {
    this.terminalWidth = Objects.requireNonNull(terminalWidth, "terminalWidth");
  }

  private Display display() {
    return new Display(expanded, terminalWidth.getAsInt());
  }

  /** Where results and listings go: stdout, or the file of {@code \o}. */
  public PrintWriter out() {
    return out;
  }

  /** Stdout, for messages that are no result (settings, timing, help), even under {@code \o}. */
  public PrintWriter console() {
    return console;
  }

  /** The file results go to, or {@code null} for stdout. */
  public Path outputFile() {
    return outputFile;
  }

  /**
   * Sends later results to {@code file} (created or truncated, UTF-8), or back to stdout when
   * {@code null}. A file opened before is closed.
   */
  public void redirect(Path file) throws IOException {
    PrintWriter next = file == null ? console
        : new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    closeOutputFile();
    out = next;
    outputFile = file;
  }

  private void closeOutputFile() {
    if (outputFile != null) {
      out.close();
      if (out.checkError()) {
        errors.shellError("could not write all output to " + outputFile);
      }
    }
  }

  /** Where failures are reported. */
  public ErrorReporter errors() {
    return errors;
  }

  /** Closes the output file, if any, and the connection. */
  @Override public void close() throws SQLException {
    closeOutputFile();
    out = console;
    outputFile = null;
    connection.close();
  }

  private void flushOut() {
    // Flushed before any error line so stdout and stderr interleave in the order things happened.
    out.flush();
    console.flush();
  }
}
