package dev.azimuth.shell.repl;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Lines typed at a terminal, through JLine: line editing and an in-memory history. Owns and
 * closes its terminal.
 */
public final class TerminalLineSource implements LineSource {
  private final Terminal terminal;
  private final LineReader reader;

  private TerminalLineSource(Terminal terminal) {
    this.terminal = terminal;
    this.reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("azimuth")
        // SQL is split by our own splitter; JLine must hand back lines untouched: no backslash
        // unescaping (it would turn \q into q) and no !-history expansion (it would eat "!=").
        .parser(new DefaultParser().escapeChars(null))
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }

  /**
   * Opens the prompt on this process's stdin: JLine when stdin is a terminal, else plain lines,
   * so that piped input ({@code echo "SELECT 1;" | azimuth}) works and prints no prompts.
   */
  public static LineSource openSystem() throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
    // JLine falls back to a dumb terminal exactly when stdin is not a terminal it can drive.
    if (terminal instanceof DumbTerminal) {
      terminal.close();
      return new PlainLineSource(System.in);
    }
    return new TerminalLineSource(terminal);
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

  @Override public void close() throws IOException {
    terminal.close();
  }
}
