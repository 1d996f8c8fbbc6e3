package dev.azimuth.shell.repl;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.command.ShellCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Statements typed at a terminal, through JLine: line editing, a multi-line buffer per
 * statement ({@link SqlLineParser}), Tab completion ({@link SqlCompleter}) and a history kept in
 * a file ({@link HistoryFile}). Ctrl-C while typing drops the buffer; Ctrl-C while a statement
 * runs cancels it (the terminal's interrupt handler calls {@link Session#cancelRunning}). Owns
 * and closes its terminal.
 */
public final class TerminalLineSource implements LineSource {
  /** Entries kept in memory and in the file. */
  private static final int HISTORY_SIZE = 5000;

  private final Terminal terminal;
  private final LineReader reader;

  private TerminalLineSource(Terminal terminal, Session session, ShellCommands commands,
      Path history) {
    this.terminal = terminal;
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("azimuth")
        .parser(new SqlLineParser())
        .completer(new SqlCompleter(session, commands))
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, Repl.CONTINUATION)
        .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
        .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
        // "!=" is SQL, not a history event.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true);
    if (history != null) {
      builder.variable(LineReader.HISTORY_FILE, history);
    }
    this.reader = builder.build();
    // Outside readLine (which installs its own handler, then puts this one back), Ctrl-C means
    // "stop the running statement", not "kill the shell".
    terminal.handle(Terminal.Signal.INT, signal -> session.cancelRunning());
  }

  /**
   * Opens the prompt on this process's stdin: JLine when stdin is a terminal, else plain lines,
   * so that piped input ({@code echo "SELECT 1;" | azimuth}) works and prints no prompts.
   */
  public static LineSource openSystem(Session session, ShellCommands commands)
      throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
    // JLine falls back to a dumb terminal exactly when stdin is not a terminal it can drive.
    if (terminal instanceof DumbTerminal) {
      terminal.close();
      return new PlainLineSource(System.in);
    }
    return new TerminalLineSource(terminal, session, commands, HistoryFile.location());
  }

  /**
   * Reads statements from {@code terminal} (tests pass one over pipes).
   *
   * @param history the history file, or {@code null} to keep history in memory only
   */
  public static TerminalLineSource open(Terminal terminal, Session session,
      ShellCommands commands, Path history) {
    return new TerminalLineSource(terminal, session, commands, history);
  }

  @Override public String readLine(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException e) {
      throw new CancellationException("input cancelled");
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override public boolean interactive() {
    return true;
  }

  @Override public int width() {
    return terminal.getColumns();
  }

  @Override public java.io.PrintWriter terminal() {
    return terminal.writer();
  }

  @Override public void close() throws IOException {
    try {
      reader.getHistory().save();
    } finally {
      terminal.close();
    }
  }
}
