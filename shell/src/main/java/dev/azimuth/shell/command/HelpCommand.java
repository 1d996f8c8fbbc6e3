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

  private static String usage(ShellCommand command) {
    return "\\" + command.name() + (command.arguments().isEmpty() ? "" : " " + command.arguments());
  }

  @Override public Outcome run(String argument, Session session) {
    PrintWriter out = session.console();
    out.println("SQL statements end with ';' and may span lines. Commands:");
    int width = 0;
    for (ShellCommand command : commands.all()) {
      width = Math.max(width, usage(command).length());
    }
    for (ShellCommand command : commands.all()) {
      out.printf("  %-" + width + "s  %s%n", usage(command), command.description());
    }
    out.println("Keys: Tab completes keywords, tables, columns and commands; Up/Down and Ctrl-R");
    out.println("search the history; Ctrl-C cancels the running statement (a \\copy after its");
    out.println("current batch) or drops the one being typed; Ctrl-D quits.");
    out.flush();
    return Outcome.DONE;
  }
}
