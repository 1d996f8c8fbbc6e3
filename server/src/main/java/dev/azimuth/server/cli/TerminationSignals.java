package dev.azimuth.server.cli;

import sun.misc.Signal;

/**
 * Runs an action on SIGTERM or SIGINT instead of letting the JVM begin its exit. A graceful stop
 * then runs on an ordinary thread, while logging still works: in a shutdown hook it would race
 * java.util.logging's own hook, which closes the log handlers.
 */
final class TerminationSignals {
  private TerminationSignals() {}

  /**
   * @return whether the signals are handled (false where the JVM does not offer them; shutdown
   *         hooks then do the work)
   */
  static boolean onTermination(Runnable action) {
    try {
      Signal.handle(new Signal("TERM"), s -> action.run());
      Signal.handle(new Signal("INT"), s -> action.run());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
