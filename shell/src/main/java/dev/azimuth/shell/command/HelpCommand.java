package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/** {@code \?} or {@code \help}: lists the backslash commands and the keys of the prompt. */
final class HelpCommand implements ShellCommand {
  private final ShellCommands commands;

  /** Lists the commands of {@code commands}, which may still be filling when this is built. */
  HelpCommand(ShellCommands commands) {
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  @Override public String name() {
    return "?";
  }

  @Override public List<String> aliases() {
    return List.of("help");
  }

  @Override public String description() {
    return "list these commands (also \\help)";
  }

  @Override public Outcome run(String argument, Session session) {
    PrintWriter out = session.console();
    out.println("SQL statements end with ';' and may span lines. Commands:");
    for (ShellCommand command : commands.all()) {
      String usage = "\\" + command.name()
          + (command.arguments().isEmpty() ? "" : " " + command.arguments());
      out.printf("  %-16s %s%n", usage, command.description());
    }
    out.println("Keys: Tab completes keywords, tables, columns and commands; Up/Down and Ctrl-R");
    out.println("search the history; Ctrl-C cancels the running statement or drops the one being");
    out.println("typed; Ctrl-D quits.");
    out.flush();
    return Outcome.DONE;
  }
}
