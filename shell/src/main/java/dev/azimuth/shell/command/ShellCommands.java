package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.command.ShellCommand.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of backslash commands by name: the one place a new command is added. */
public final class ShellCommands {
  private final Map<String, ShellCommand> byName = new LinkedHashMap<>();
  private final List<ShellCommand> commands = new ArrayList<>();

  private ShellCommands() {}

  /** The commands the shell offers, in the order help lists them. */
  public static ShellCommands standard() {
    ShellCommands commands = new ShellCommands();
    commands.register(new HelpCommand(commands));
    commands.register(new QuitCommand());
    commands.register(new ListTablesCommand());
    commands.register(new DescribeCommand());
    commands.register(new ListIndexesCommand());
    commands.register(new FormatCommand());
    commands.register(new ExpandedCommand());
    commands.register(new TimingCommand());
    commands.register(new IncludeCommand(commands));
    commands.register(new OutputCommand());
    commands.register(new ConnectCommand());
    commands.register(new CopyCommand());
    return commands;
  }

  private void register(ShellCommand command) {
    List<String> names = new ArrayList<>(command.aliases());
    names.add(0, command.name());
    for (String name : names) {
      if (byName.put(name, command) != null) {
        throw new IllegalStateException("two shell commands are named " + name);
      }
    }
    commands.add(command);
  }

  /** Every command, in registration order. */
  public Collection<ShellCommand> all() {
    return Collections.unmodifiableList(commands);
  }

  /** Every name and alias a command answers to, without the backslash. */
  public Collection<String> names() {
    return Collections.unmodifiableSet(byName.keySet());
  }

  /** The command named {@code name} (without the backslash), if any. */
  public Optional<ShellCommand> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Runs a command line such as {@code \format csv}.
   *
   * @param line the line, starting with the backslash
   */
  public Outcome run(String line, Session session) {
    String body = line.strip().substring(1);
    int space = 0;
    while (space < body.length() && !Character.isWhitespace(body.charAt(space))) {
      space++;
    }
    String name = body.substring(0, space);
    String argument = body.substring(space).strip();
    ShellCommand command = byName.get(name);
    if (command == null) {
      session.errors().shellError("unknown command \\" + name + " (\\? lists the commands)");
      return Outcome.FAILED;
    }
    return command.run(argument, session);
  }
}
