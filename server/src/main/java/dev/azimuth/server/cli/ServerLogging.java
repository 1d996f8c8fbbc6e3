package dev.azimuth.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The server's log: one line per event on stderr, {@code TIME LEVEL LOGGER: MESSAGE}, at INFO
 * for Azimuth and WARNING for Jetty and Avatica (which log through SLF4J into
 * java.util.logging). A {@code java.util.logging.config.file} given to the JVM wins.
 */
public final class ServerLogging {
  // Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level.
  private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");
  private static final Logger CALCITE = Logger.getLogger("org.apache.calcite");

  private ServerLogging() {}

  public static void configure() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler console = new ConsoleHandler();
    console.setLevel(Level.ALL);
    console.setFormatter(new OneLine());
    root.addHandler(console);
    root.setLevel(Level.INFO);
    JETTY.setLevel(Level.WARNING);
    CALCITE.setLevel(Level.WARNING);
  }

  /** {@code 2026-12-02T05:40:01.123Z INFO ServerMeta: opened connection ...}. */
  static final class OneLine extends Formatter {
    @Override public String format(LogRecord r) {
      String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
      StringBuilder b = new StringBuilder(160)
          .append(Instant.ofEpochMilli(r.getMillis())).append(' ')
          .append(r.getLevel().getName()).append(' ')
          .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
          .append(formatMessage(r)).append(System.lineSeparator());
      if (r.getThrown() != null) {
        StringWriter trace = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(trace));
        b.append(trace);
      }
      return b.toString();
    }
  }
}
