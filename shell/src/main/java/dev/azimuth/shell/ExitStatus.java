package dev.azimuth.shell;

/** The process exit statuses of {@code azimuth}, part of its documented interface. */
public enum ExitStatus {
  /** Every statement succeeded. */
  OK(0),
  /** A statement (or, at the prompt, a shell command) failed. */
  SQL_ERROR(1),
  /** The command line was wrong, or the input (the {@code -f} script, stdin) could not be read. */
  USAGE(2),
  /** The database could not be opened or reached. */
  CONNECTION(3);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  /** The number the process exits with. */
  public int code() {
    return code;
  }
}
