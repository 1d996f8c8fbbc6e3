package dev.azimuth.shell.copy;

import java.util.Locale;

/**
 * The text of a load's progress line: a bar and percentage when the share done is known,
 * rows, rows per second and the estimated time left, e.g.
 * {@code [########------------]  42%  420,000 rows  131,204 rows/s  ETA 0:05}. Stateless.
 */
public final class ProgressBar {
  /** Characters between the brackets. */
  static final int BAR_WIDTH = 20;

  private ProgressBar() {}

  /**
   * Renders one line.
   *
   * @param rows     rows loaded so far
   * @param seconds  time since the load started
   * @param fraction share of the work done, 0 to 1, or negative when unknown
   * @param width    the terminal's width; the bar is left out below 60 columns, and the line
   *                 is cut to fit (0 for no limit)
   */
  public static String render(long rows, double seconds, double fraction, int width) {
    StringBuilder line = new StringBuilder();
    boolean known = fraction >= 0;
    double f = Math.min(1, Math.max(0, fraction));
    if (known && (width == 0 || width >= 60)) {
      int filled = (int) Math.floor(f * BAR_WIDTH);
      line.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled))
          .append("] ");
    }
    if (known) {
      line.append(String.format(Locale.ROOT, "%3d%%  ", (int) Math.floor(f * 100)));
    }
    line.append(String.format(Locale.ROOT, "%,d rows", rows));
    if (seconds > 0) {
      line.append(String.format(Locale.ROOT, "  %,d rows/s", Math.round(rows / seconds)));
    }
    if (known && f > 0 && f < 1 && seconds > 0) {
      line.append("  ETA ").append(duration(seconds * (1 - f) / f));
    }
    if (width > 0 && line.length() > width - 1) {
      line.setLength(Math.max(0, width - 1));
    }
    return line.toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
