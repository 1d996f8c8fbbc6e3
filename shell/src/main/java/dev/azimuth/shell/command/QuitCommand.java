package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import java.util.List;

/** {@code \q}: ends the shell, like Ctrl-D. */
final class QuitCommand implements ShellCommand {
  @Override public String name() {
    return "q";
  }

  @Override public List<String> aliases() {
    return List.of("quit");
  }

  @Override public String description() {
    return "quit the shell (Ctrl-D does too)";
  }

  @Override public Outcome run(String argument, Session session) {
    return Outcome.QUIT;
  }
}
