package dev.azimuth.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * {@code Statement.setQueryTimeout} for both drivers: a statement that runs past its timeout is
 * cancelled, as if {@code cancel()} had been called from another thread, and fails with
 * {@link SQLTimeoutException} (57014). One daemon thread per JVM keeps the timers. Thread-safe.
 */
public final class QueryTimeouts {
  private static final ScheduledThreadPoolExecutor TIMERS = timers();

  private QueryTimeouts() {}

  /** A statement execution that may throw. */
  @FunctionalInterface
  public interface Execution<T> {
    T run() throws SQLException;
  }

  /** How a statement is told to stop. */
  @FunctionalInterface
  public interface Canceller {
    void cancel() throws SQLException;
  }

  /**
   * Runs an execution, cancelling it after {@code seconds} (none if 0).
   *
   * @param translate turns any other failure into the SQLException the caller reports
   */
  public static <T> T run(int seconds, Canceller cancel, Execution<T> execution,
      Function<Exception, SQLException> translate) throws SQLException {
    AtomicBoolean fired = new AtomicBoolean();
    ScheduledFuture<?> timer = seconds <= 0 ? null : TIMERS.schedule(() -> {
      fired.set(true);
      try {
        cancel.cancel();
      } catch (SQLException | RuntimeException e) {
        // The statement runs on; its own outcome is what the caller sees.
      }
    }, seconds, TimeUnit.SECONDS);
    try {
      return execution.run();
    } catch (SQLException | RuntimeException e) {
      SQLException translated = translate.apply(e);
      if (fired.get() && "57014".equals(translated.getSQLState())) {
        throw new SQLTimeoutException("statement cancelled: it ran longer than its query "
            + "timeout of " + seconds + " s", "57014", translated);
      }
      throw translated;
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private static ScheduledThreadPoolExecutor timers() {
    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "azimuth-query-timeouts");
      t.setDaemon(true);
      return t;
    });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }
}
