package dev.azimuth.shell.repl;

import java.io.IOException;
import java.util.concurrent.CancellationException;

/** Where the prompt loop reads its input lines from. Not thread-safe. */
public interface LineSource extends AutoCloseable {
  /**
   * Reads the next line, showing {@code prompt} if a person is typing.
   *
   * @return the line without its terminator, or {@code null} at the end of input
   * @throws CancellationException if the user abandoned the input (Ctrl-C)
   */
  String readLine(String prompt) throws IOException;

  /**
   * Whether a person is typing: then a half-typed statement is dropped at the end of input,
   * while from a pipe it is run, as a script would be.
   */
  boolean interactive();

  @Override void close() throws IOException;

  /** Opens a line source only when the prompt is actually needed. */
  @FunctionalInterface
  interface Opener {
    /** Opens the source; the caller closes it. */
    LineSource open() throws IOException;
  }
}
