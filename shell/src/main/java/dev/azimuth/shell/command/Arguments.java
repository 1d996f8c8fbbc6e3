package dev.azimuth.shell.command;

import java.nio.file.Path;

/** Helpers for command arguments. */
final class Arguments {
  private Arguments() {}

  /** A file argument: surrounding quotes removed (for names with spaces), {@code ~/} expanded. */
  static Path file(String argument) {
    String name = argument.strip();
    if (name.length() >= 2 && (name.startsWith("'") && name.endsWith("'")
        || name.startsWith("\"") && name.endsWith("\""))) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.equals("~") || name.startsWith("~/")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return Path.of(name);
  }
}
