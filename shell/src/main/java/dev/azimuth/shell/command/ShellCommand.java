package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import java.util.List;

/**
 * A backslash command typed at the prompt, e.g. {@code \format csv}. Runs on the shell's one
 * thread; implementations keep no state beyond their configuration unless they say so.
 */
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

  /** What the command's argument is, so that Tab can complete it. */
  enum Argument {
    /** Nothing to complete (none, or free text such as a URL). */
    NONE,
    /** A file name. */
    FILE,
    /** A table name. */
    TABLE,
    /** One of {@link #choices()}. */
    CHOICE
  }

  /** The name typed after the backslash, e.g. {@code format}. */
  String name();

  /** Other names that run the command, e.g. {@code quit} for {@code q}. */
  default List<String> aliases() {
    return List.of();
  }

  /** The argument syntax for help, e.g. {@code [NAME]}; empty if it takes none. */
  default String arguments() {
    return "";
  }

  /** One line for help. */
  String description();

  /** What kind of argument Tab completes. */
  default Argument argument() {
    return Argument.NONE;
  }

  /** The values a {@link Argument#CHOICE} argument takes. */
  default List<String> choices() {
    return List.of();
  }

  /**
   * Runs the command.
   *
   * @param argument what followed the name, stripped; empty if nothing
   * @param session  the session to act on
   */
  Outcome run(String argument, Session session);
}
