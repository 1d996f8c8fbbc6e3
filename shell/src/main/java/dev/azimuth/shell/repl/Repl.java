package dev.azimuth.shell.repl;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.StatementSplitter;
import dev.azimuth.shell.command.ShellCommand.Outcome;
import dev.azimuth.shell.command.ShellCommands;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * The read-run-print loop: gathers lines until a statement ends with {@code ;} outside quotes
 * and comments, runs it, and carries on after failures. A line starting with {@code \} at the
 * start of a statement is a shell command. Also runs {@code \i} scripts. Not thread-safe.
 */
public final class Repl {
  /** Shown when a new statement starts. */
  public static final String PROMPT = "azimuth> ";
  /** Shown while a statement is still open; as wide as {@link #PROMPT} so lines align. */
  public static final String CONTINUATION = "     -> ";
  /** Shown when a new statement starts inside a transaction block (psql shows a {@code *}). */
  public static final String PROMPT_IN_TRANSACTION = "azimuth*> ";
  /** {@link #CONTINUATION} as wide as {@link #PROMPT_IN_TRANSACTION}. */
  public static final String CONTINUATION_IN_TRANSACTION = "      -> ";

  /**
   * How a run ended.
   *
   * @param ok   whether every statement and command succeeded
   * @param quit whether {@code \q} ended it (rather than the end of input)
   */
  public record Result(boolean ok, boolean quit) {}

  private final Session session;
  private final LineSource input;
  private final ShellCommands commands;

  /**
   * Creates the loop.
   *
   * @param session  where statements run
   * @param input    where lines come from
   * @param commands the backslash commands
   */
  public Repl(Session session, LineSource input, ShellCommands commands) {
    this.session = Objects.requireNonNull(session, "session");
    this.input = Objects.requireNonNull(input, "input");
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  /** Runs until the end of input or {@code \q}. */
  public Result run() throws IOException {
    if (input.interactive()) {
      session.console().println("Azimuth shell, connected to " + session.url() + ".");
      session.console().println(
          "End statements with ';'. Tab completes, \\? lists commands, \\q or Ctrl-D quits.");
      session.console().flush();
    }
    boolean ok = true;
    String pending = "";
    while (true) {
      String line;
      try {
        boolean tx = session.inTransaction();
        line = input.readLine(pending.isEmpty() ? tx ? PROMPT_IN_TRANSACTION : PROMPT
            : tx ? CONTINUATION_IN_TRANSACTION : CONTINUATION);
      } catch (CancellationException e) {
        pending = "";
        continue;
      }
      if (line == null) {
        break;
      }
      if (pending.isEmpty() && line.strip().startsWith("\\")) {
        Outcome outcome = commands.run(line.strip(), session);
        if (outcome == Outcome.QUIT) {
          return new Result(ok, true);
        }
        ok &= outcome == Outcome.DONE;
        continue;
      }
      StatementSplitter.Result split = StatementSplitter.split(pending + line + "\n");
      for (String sql : split.statements()) {
        ok &= session.execute(sql);
      }
      pending = split.remainder();
    }
    // From a pipe, a last statement without ';' is still meant to run, as in a script.
    if (!input.interactive() && !pending.isBlank()) {
      ok &= session.execute(pending.strip());
    }
    return new Result(ok, false);
  }
}
