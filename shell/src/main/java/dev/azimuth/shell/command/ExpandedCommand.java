package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.format.Display.Expanded;
import java.util.List;
import java.util.Locale;

/** {@code \x [on|off|auto]}: one line per column for each record, as psql's expanded display. */
final class ExpandedCommand implements ShellCommand {
  @Override public String name() {
    return "x";
  }

  @Override public String arguments() {
    return "[on|off|auto]";
  }

  @Override public String description() {
    return "toggle expanded display: one line per column (auto: when wider than the terminal)";
  }

  @Override public Argument argument() {
    return Argument.CHOICE;
  }

  @Override public List<String> choices() {
    return List.of("on", "off", "auto");
  }

  @Override public Outcome run(String argument, Session session) {
    Expanded next;
    if (argument.equalsIgnoreCase("auto")) {
      next = Expanded.AUTO;
    } else {
      var on = Toggle.parse(argument, session.expanded() != Expanded.OFF);
      if (on.isEmpty()) {
        session.errors().shellError("\\x takes on, off or auto, not '" + argument + "'");
        return Outcome.FAILED;
      }
      next = on.get() ? Expanded.ON : Expanded.OFF;
    }
    session.setExpanded(next);
    session.console().println(next == Expanded.AUTO ? "Expanded display is used automatically."
        : "Expanded display is " + next.name().toLowerCase(Locale.ROOT) + ".");
    session.console().flush();
    return Outcome.DONE;
  }
}
