package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.command.ShellCommand.Outcome;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of backslash commands by name: the one place a new command is added. */
public final class ShellCommands {
  private final Map<String, ShellCommand> byName = new LinkedHashMap<>();

  private ShellCommands() {}

  /** The commands the shell offers. */
  public static ShellCommands standard() {
    ShellCommands commands = new ShellCommands();
    commands.register(new HelpCommand(commands));
    commands.register(new QuitCommand());
    commands.register(new FormatCommand());
    return commands;
  }

  private void register(ShellCommand command) {
    if (byName.put(command.name(), command) != null) {
      throw new IllegalStateException("two shell commands are named " + command.name());
    }
  }

  /** Every command, in registration order. */
  public Collection<ShellCommand> all() {
    return Collections.unmodifiableCollection(byName.values());
  }

  /**
   * Runs a command line such as {@code \format csv}.
   *
   * @param line the line, starting with the backslash
   */
  public Outcome run(String line, Session session) {
    String body = line.strip().substring(1);
    int space = body.indexOf(' ');
    String name = space < 0 ? body : body.substring(0, space);
    String argument = space < 0 ? "" : body.substring(space + 1).strip();
    ShellCommand command = byName.get(name);
    if (command == null) {
      session.errors().shellError("unknown command \\" + name + " (\\? lists the commands)");
      return Outcome.FAILED;
    }
    return command.run(argument, session);
  }
}
