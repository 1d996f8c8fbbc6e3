package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import java.util.List;

/**
 * {@code \connect URL} (or {@code \c}): opens another database, closing the current one only
 * once the new one is open. Without a URL, shows the current one.
 */
final class ConnectCommand implements ShellCommand {
  @Override public String name() {
    return "connect";
  }

  @Override public List<String> aliases() {
    return List.of("c");
  }

  @Override public String arguments() {
    return "[URL]";
  }

  @Override public String description() {
    return "connect to another JDBC URL (also \\c); alone, show the current one";
  }

  @Override public Outcome run(String argument, Session session) {
    if (!argument.isEmpty() && !session.connect(argument)) {
      return Outcome.FAILED;
    }
    session.console().println("Connected to " + session.url());
    session.console().flush();
    return Outcome.DONE;
  }
}
