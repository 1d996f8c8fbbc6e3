package dev.azimuth.shell;

import dev.azimuth.shell.format.OutputFormat;
import dev.azimuth.shell.format.OutputFormats;
import dev.azimuth.shell.repl.LineSource;
import dev.azimuth.shell.repl.PlainLineSource;
import dev.azimuth.shell.repl.TerminalLineSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** The entry point of {@code azimuth.jar}; {@link #run} is the same thing without exiting. */
public final class Main {
  /** Held so the level set on it is not lost when the logger would be collected. */
  private static final java.util.logging.Logger QUIET_LIBRARY =
      java.util.logging.Logger.getLogger("io.github.jbellis.jvector");

  private Main() {}

  /** Runs the shell on this process's streams and exits with its status. */
  public static void main(String[] args) {
    // One line per log record (the engine's warnings) instead of JUL's two; set before any logging.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    // JVector narrates its thread and SIMD choices at INFO and WARNING on first use; at a
    // prompt that is noise. Only its errors reach the terminal; the engine's own warnings stay.
    QUIET_LIBRARY.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args, System.out, System.err, TerminalLineSource::openSystem));
  }

  /**
   * Runs the shell as the {@code azimuth} command would, reading the prompt's input from
   * {@code in} (never treated as a terminal), writing UTF-8 to {@code out} and {@code err}.
   *
   * @return the exit status (see {@link ExitStatus})
   */
  public static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
    return run(args, out, err, (session, commands) -> new PlainLineSource(in));
  }

  static int run(String[] args, OutputStream out, OutputStream err, LineSource.Opener stdin) {
    // UTF-8 whatever the platform's default: CSV and JSON consumers expect it (RFC 8259).
    PrintWriter stdout = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    PrintWriter stderr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
    try {
      return commandLine(new AzimuthCommand(stdout, stderr, stdin), stdout, stderr).execute(args);
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  /** The picocli command line around {@code command}, reporting usage errors as one line. */
  static CommandLine commandLine(AzimuthCommand command, PrintWriter out, PrintWriter err) {
    return new CommandLine(command)
        .setOut(out)
        .setErr(err)
        .registerConverter(OutputFormat.class, Main::format)
        .setParameterExceptionHandler((e, arguments) -> {
          // picocli starts some messages with "Error: "; the line has its prefix already.
          err.println("ERROR: " + e.getMessage().replaceFirst("^(?i)error: ", ""));
          err.println("Try 'azimuth --help' for more information.");
          return ExitStatus.USAGE.code();
        });
  }

  private static OutputFormat format(String name) {
    return OutputFormats.byName(name).orElseThrow(() -> new TypeConversionException(
        "unknown format '" + name + "'; choose one of " + String.join(", ", OutputFormats.names())));
  }
}
