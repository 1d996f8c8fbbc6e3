package dev.azimuth.shell.command;

import java.util.Locale;
import java.util.Optional;

/** Reads the {@code on}/{@code off} argument of a switch such as {@code \timing}. */
final class Toggle {
  private Toggle() {}

  /**
   * The new state: the opposite of {@code current} when no argument is given, else what the
   * argument says; empty if it says nothing understood.
   */
  static Optional<Boolean> parse(String argument, boolean current) {
    return switch (argument.toLowerCase(Locale.ROOT)) {
      case "" -> Optional.of(!current);
      case "on", "true", "1" -> Optional.of(true);
      case "off", "false", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
