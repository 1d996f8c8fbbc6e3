package dev.azimuth.shell;

import java.util.Locale;

/** The {@code \timing} line, as psql writes it: {@code Time: 12.345 ms}, minutes past a second. */
final class Elapsed {
  private Elapsed() {}

  static String describe(long nanos) {
    double millis = nanos / 1e6;
    String line = String.format(Locale.ROOT, "Time: %.3f ms", millis);
    if (millis < 1000) {
      return line;
    }
    long totalMillis = Math.round(millis);
    long minutes = totalMillis / 60_000;
    long seconds = totalMillis / 1000 % 60;
    return line + String.format(Locale.ROOT, " (%02d:%02d.%03d)", minutes, seconds,
        totalMillis % 1000);
  }
}
