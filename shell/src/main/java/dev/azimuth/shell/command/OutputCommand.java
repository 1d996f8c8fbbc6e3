package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code \o [FILE]}: sends later results and listings to a file (created or truncated), or back
 * to stdout without one. Errors, timing and messages stay on the terminal.
 */
final class OutputCommand implements ShellCommand {
  @Override public String name() {
    return "o";
  }

  @Override public String arguments() {
    return "[FILE]";
  }

  @Override public String description() {
    return "send results to a file; alone, back to stdout";
  }

  @Override public Argument argument() {
    return Argument.FILE;
  }

  @Override public Outcome run(String argument, Session session) {
    Path file = argument.isEmpty() ? null : Arguments.file(argument);
    try {
      session.redirect(file);
      return Outcome.DONE;
    } catch (IOException e) {
      session.errors().shellError("cannot write " + file + ": " + e.getMessage());
      return Outcome.FAILED;
    }
  }
}
