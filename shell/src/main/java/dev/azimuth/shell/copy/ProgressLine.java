package dev.azimuth.shell.copy;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * Draws a {@link ProgressBar} line on a terminal, redrawn in place with a carriage return at
 * most every {@value #REDRAW_MILLIS} ms, and erased when the load ends. {@link #NONE} draws
 * nothing, for output that is not a terminal. Calls may come from a watcher thread; each is
 * synchronized.
 */
public class ProgressLine {
  /** Draws nothing. */
  public static final ProgressLine NONE = new ProgressLine(null, () -> 0);

  static final long REDRAW_MILLIS = 200;

  private final PrintWriter terminal;
  private final IntSupplier width;
  private long started = System.nanoTime();
  private long drawn = Long.MIN_VALUE;
  private int shown;

  /**
   * @param terminal where to draw, or null to draw nothing
   * @param width    the terminal's width now
   */
  public ProgressLine(PrintWriter terminal, IntSupplier width) {
    this.terminal = terminal;
    this.width = width;
  }

  /** Starts the clock of a new load. */
  public synchronized void start() {
    started = System.nanoTime();
    drawn = Long.MIN_VALUE;
  }

  /** Seconds since {@link #start}. */
  public synchronized double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * Shows the progress now if the last drawing is old enough.
   *
   * @param fraction share done, 0 to 1, or negative when unknown
   */
  public void update(long rows, double fraction) {
    update(rows, seconds(), fraction);
  }

  /** Same, with the elapsed time given (the server's, for a server-side COPY). */
  public synchronized void update(long rows, double seconds, double fraction) {
    if (terminal == null) {
      return;
    }
    long now = System.nanoTime();
    if (drawn != Long.MIN_VALUE && now - drawn < REDRAW_MILLIS * 1_000_000) {
      return;
    }
    drawn = now;
    String text = ProgressBar.render(rows, seconds, fraction, width.getAsInt());
    // Spaces cover the end of a longer previous line; the cursor stays at its end.
    terminal.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
    terminal.flush();
    shown = text.length();
  }

  /** Erases the line, so that what comes next starts on a clean one. */
  public synchronized void clear() {
    if (terminal == null || shown == 0) {
      return;
    }
    terminal.print("\r" + " ".repeat(shown) + "\r");
    terminal.flush();
    shown = 0;
  }
}
