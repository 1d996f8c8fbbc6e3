package dev.azimuth.planner;

import java.util.TimeZone;

/**
 * One connection's state: what a statement's meaning may depend on besides its text.
 * Confined to the connection's thread of use.
 */
public final class Session {
  private final TimeZone timeZone;

  Session(TimeZone timeZone) {
    this.timeZone = timeZone;
  }

  /** The zone CURRENT_TIMESTAMP and friends are reported in. */
  public TimeZone timeZone() {
    return timeZone;
  }
}
