package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;

/** A backslash command typed at the prompt, e.g. {@code \format csv}. Implementations are stateless. */
public interface ShellCommand {
  /** What running a command led to. */
  enum Outcome {
    /** It did its job; the prompt carries on. */
    DONE,
    /** It failed (and said why on stderr); the prompt carries on. */
    FAILED,
    /** The shell should end. */
    QUIT
  }

  /** The name typed after the backslash, e.g. {@code format}. */
  String name();

  /** The argument syntax for help, e.g. {@code [NAME]}; empty if it takes none. */
  default String arguments() {
    return "";
  }

  /** One line for help. */
  String description();

  /**
   * Runs the command.
   *
   * @param argument what followed the name, stripped; empty if nothing
   * @param session  the session to act on
   */
  Outcome run(String argument, Session session);
}
