package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.format.OutputFormat;
import dev.azimuth.shell.format.OutputFormats;
import java.util.List;
import java.util.Optional;

/** {@code \format [NAME]}: shows the output format, or switches to another. */
final class FormatCommand implements ShellCommand {
  @Override public String name() {
    return "format";
  }

  @Override public String arguments() {
    return "[NAME]";
  }

  @Override public String description() {
    return "show or set the output format: " + String.join(", ", OutputFormats.names());
  }

  @Override public Argument argument() {
    return Argument.CHOICE;
  }

  @Override public List<String> choices() {
    return List.copyOf(OutputFormats.names());
  }

  @Override public Outcome run(String argument, Session session) {
    if (argument.isEmpty()) {
      session.console().println(session.format().name());
      session.console().flush();
      return Outcome.DONE;
    }
    Optional<OutputFormat> format = OutputFormats.byName(argument);
    if (format.isEmpty()) {
      session.errors().shellError("unknown format '" + argument + "'; choose one of "
          + String.join(", ", OutputFormats.names()));
      return Outcome.FAILED;
    }
    session.setFormat(format.get());
    return Outcome.DONE;
  }
}
