package dev.azimuth.shell.copy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Shows the progress of a server-side COPY typed at the prompt: while the statement runs on
 * the session's connection, a daemon thread reads {@code SYS.COPIES} every
 * {@value #POLL_MILLIS} ms through a second connection to the same URL and draws the newest
 * COPY that started after this one was set up. Best effort: when the second connection cannot
 * open or sees another database (a private {@code mem:} one), no bar is drawn.
 */
public final class ServerCopyWatcher implements AutoCloseable {
  static final long POLL_MILLIS = 250;
  private static final Pattern COPY = Pattern.compile("\\s*COPY\\b.*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Connection connection;
  private final ProgressLine progress;
  private final long baseline;
  private final Thread thread;
  private volatile boolean stop;

  private ServerCopyWatcher(Connection connection, ProgressLine progress, long baseline) {
    this.connection = connection;
    this.progress = progress;
    this.baseline = baseline;
    this.thread = new Thread(this::poll, "azimuth-copy-progress");
    thread.setDaemon(true);
  }

  /** Whether {@code sql} is a COPY statement. */
  public static boolean isCopy(String sql) {
    return COPY.matcher(sql).matches();
  }

  /**
   * Starts watching before a COPY runs.
   *
   * @return the watcher, or null if none can watch (no terminal, no second connection)
   */
  public static ServerCopyWatcher start(String url, ProgressLine progress) {
    if (progress == ProgressLine.NONE) {
      return null;
    }
    Connection connection = null;
    try {
      connection = DriverManager.getConnection(url);
      long baseline;
      try (Statement s = connection.createStatement();
           ResultSet r = s.executeQuery("SELECT MAX(copy_id) FROM sys.copies")) {
        baseline = r.next() ? r.getLong(1) : 0;
      }
      ServerCopyWatcher watcher = new ServerCopyWatcher(connection, progress, baseline);
      progress.start();
      watcher.thread.start();
      return watcher;
    } catch (SQLException | RuntimeException e) {
      close(connection);
      return null;
    }
  }

  private void poll() {
    String sql = "SELECT rows_done, bytes_read, bytes_total, elapsed_seconds FROM sys.copies "
        + "WHERE copy_id > " + baseline + " AND state = 'RUNNING' ORDER BY copy_id";
    try (Statement s = connection.createStatement()) {
      while (!stop) {
        try (ResultSet r = s.executeQuery(sql)) {
          if (r.next() && !stop) {
            long rows = r.getLong(1);
            long read = r.getLong(2);
            long total = r.getLong(3);
            double fraction = r.wasNull() || total <= 0 ? -1 : (double) read / total;
            progress.update(rows, r.getDouble(4), fraction);
          }
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (SQLException | RuntimeException e) {
      // Only the bar is lost; the COPY itself reports its own outcome.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops polling, erases the bar and closes the second connection. */
  @Override public void close() {
    stop = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    progress.clear();
    close(connection);
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a watcher's connection: nothing depends on it.
      }
    }
  }
}
