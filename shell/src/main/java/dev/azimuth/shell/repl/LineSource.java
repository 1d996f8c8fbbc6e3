package dev.azimuth.shell.repl;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.command.ShellCommands;
import java.io.IOException;
import java.util.concurrent.CancellationException;

/** Where the prompt loop reads its input lines from. Not thread-safe. */
public interface LineSource extends AutoCloseable {
  /**
   * Reads the next line, showing {@code prompt} if a person is typing. A terminal may return
   * several lines at once: a whole statement, edited as one.
   *
   * @return the text without its final line terminator, or {@code null} at the end of input
   * @throws CancellationException if the user abandoned the input (Ctrl-C)
   */
  String readLine(String prompt) throws IOException;

  /**
   * Whether a person is typing: then a half-typed statement is dropped at the end of input,
   * while from a pipe it is run, as a script would be.
   */
  boolean interactive();

  /** The terminal's width in columns, 0 when not a terminal. */
  default int width() {
    return 0;
  }

  /**
   * Where a long load may draw a progress line that is redrawn in place: the terminal, or
   * {@code null} when this is no terminal.
   */
  default java.io.PrintWriter terminal() {
    return null;
  }

  @Override void close() throws IOException;

  /** Opens a line source only when the prompt is actually needed. */
  @FunctionalInterface
  interface Opener {
    /**
     * Opens the source; the caller closes it.
     *
     * @param session  what Ctrl-C cancels and completion reads the catalog from
     * @param commands the commands completion offers
     */
    LineSource open(Session session, ShellCommands commands) throws IOException;
  }
}
