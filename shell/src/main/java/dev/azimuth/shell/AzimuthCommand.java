package dev.azimuth.shell;

import dev.azimuth.shell.command.ShellCommands;
import dev.azimuth.shell.copy.ProgressLine;
import dev.azimuth.shell.format.OutputFormat;
import dev.azimuth.shell.format.OutputFormats;
import dev.azimuth.shell.repl.LineSource;
import dev.azimuth.shell.repl.Repl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code azimuth} command line (picocli binds the options to the fields) and what it does:
 * open the connection, then run {@code -e} and {@code -f}, or the prompt when neither is given.
 */
@Command(
    name = "azimuth",
    mixinStandardHelpOptions = true,
    versionProvider = AzimuthCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Runs SQL against an Azimuth database: the statements of -e, then those of -f,",
        "or, with neither, statements typed at a prompt (or piped to stdin)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:success",
        "1:a statement failed (after -e/-f: the first failure stops the run)",
        "2:bad command line, or the input (-f file, stdin) cannot be read",
        "3:the database could not be opened or reached"})
final class AzimuthCommand implements Callable<Integer> {
  /** Where the database lives when neither --data nor --url is given. */
  static final String DEFAULT_DATA = "./azimuth-data";

  /** The two mutually exclusive ways to name the database. */
  static final class Target {
    @Option(names = "--data", paramLabel = "DIR",
        description = {"Open the embedded database in DIR (jdbc:azimuth:file:DIR),",
            "created if missing. Default: " + DEFAULT_DATA})
    String data;

    @Option(names = "--url", paramLabel = "JDBC_URL",
        description = "Connect to this JDBC URL, e.g. jdbc:azimuth:mem:")
    String url;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Target target;

  @Option(names = {"-e", "--execute"}, paramLabel = "SQL",
      description = "Run these ';'-separated statements.")
  String sql;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE",
      description = "Run the statements of this UTF-8 script (after those of -e).")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      completionCandidates = FormatNames.class,
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  private final PrintWriter out;
  private final PrintWriter err;
  private final LineSource.Opener stdin;

  /**
   * Creates the command.
   *
   * @param out   stdout
   * @param err   stderr
   * @param stdin opens the prompt's input, only if the prompt is needed
   */
  AzimuthCommand(PrintWriter out, PrintWriter err, LineSource.Opener stdin) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  /** The JDBC URL the options name. */
  String jdbcUrl() {
    if (target != null && target.url != null) {
      return target.url;
    }
    return "jdbc:azimuth:file:" + (target != null && target.data != null ? target.data : DEFAULT_DATA);
  }

  @Override public Integer call() {
    ErrorReporter errors = new ErrorReporter(err, verbose);
    String script = null;
    if (file != null) {
      // Read before connecting, so a mistyped path does not create a database directory.
      try {
        script = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        errors.shellError("cannot read " + file + ": " + describe(e));
        return ExitStatus.USAGE.code();
      }
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection(jdbcUrl());
    } catch (SQLException e) {
      errors.sqlError(e);
      return ExitStatus.CONNECTION.code();
    }
    ExitStatus status;
    try (Session session = new Session(connection, jdbcUrl(), format, out, errors)) {
      status = sql == null && script == null ? prompt(session) : scripts(session, script);
    } catch (SQLException e) {
      // Closing failed, e.g. a final flush to disk: the work may not be durable.
      errors.sqlError(e);
      return ExitStatus.SQL_ERROR.code();
    }
    return status.code();
  }

  private ExitStatus scripts(Session session, String script) {
    boolean ok = (sql == null || session.executeScript(sql))
        && (script == null || session.executeScript(script));
    return ok ? ExitStatus.OK : ExitStatus.SQL_ERROR;
  }

  private ExitStatus prompt(Session session) {
    ShellCommands commands = ShellCommands.standard();
    try (LineSource input = stdin.open(session, commands)) {
      if (input.interactive()) {
        session.setTiming(true);
        session.setTerminalWidth(input::width);
      }
      if (input.terminal() != null) {
        session.setProgress(new ProgressLine(input.terminal(), input::width));
      }
      return new Repl(session, input, commands).run().ok() ? ExitStatus.OK : ExitStatus.SQL_ERROR;
    } catch (IOException e) {
      session.errors().shellError("cannot read input: " + e);
      return ExitStatus.USAGE;
    }
  }

  /** The reason of a file error in words; the JDK's messages often repeat just the path. */
  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.toString();
  }

  /** The format names, for help and shell completion. */
  static final class FormatNames implements Iterable<String> {
    @Override public Iterator<String> iterator() {
      return OutputFormats.names().iterator();
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override public String[] getVersion() {
      String version = AzimuthCommand.class.getPackage().getImplementationVersion();
      return new String[] {"azimuth " + (version == null ? "(development build)" : version)};
    }
  }
}
