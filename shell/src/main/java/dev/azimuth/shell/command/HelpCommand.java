package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import java.io.PrintWriter;
import java.util.Objects;

/** {@code \?}: lists the backslash commands. */
final class HelpCommand implements ShellCommand {
  private final ShellCommands commands;

  /** Lists the commands of {@code commands}, which may still be filling when this is built. */
  HelpCommand(ShellCommands commands) {
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  @Override public String name() {
    return "?";
  }

  @Override public String description() {
    return "list these commands";
  }

  @Override public Outcome run(String argument, Session session) {
    PrintWriter out = session.out();
    out.println("SQL statements end with ';' and may span lines. Commands:");
    for (ShellCommand command : commands.all()) {
      String usage = "\\" + command.name()
          + (command.arguments().isEmpty() ? "" : " " + command.arguments());
      out.printf("  %-16s %s%n", usage, command.description());
    }
    out.flush();
    return Outcome.DONE;
  }
}
