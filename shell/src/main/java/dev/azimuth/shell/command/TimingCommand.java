package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import java.util.List;
import java.util.Optional;

/** {@code \timing [on|off]}: whether each statement's elapsed time is printed after it. */
final class TimingCommand implements ShellCommand {
  @Override public String name() {
    return "timing";
  }

  @Override public String arguments() {
    return "[on|off]";
  }

  @Override public String description() {
    return "toggle printing each statement's time (on at a terminal)";
  }

  @Override public Argument argument() {
    return Argument.CHOICE;
  }

  @Override public List<String> choices() {
    return List.of("on", "off");
  }

  @Override public Outcome run(String argument, Session session) {
    Optional<Boolean> timing = Toggle.parse(argument, session.timing());
    if (timing.isEmpty()) {
      session.errors().shellError("\\timing takes on or off, not '" + argument + "'");
      return Outcome.FAILED;
    }
    session.setTiming(timing.get());
    session.console().println("Timing is " + (timing.get() ? "on." : "off."));
    session.console().flush();
    return Outcome.DONE;
  }
}
