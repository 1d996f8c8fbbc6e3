package dev.azimuth.server;

import java.util.Optional;

/**
 * Who sent the HTTP request being handled: the authenticated user (empty without
 * authentication), whether that user may only read, and the client's address. Bound to the
 * handling thread for the duration of one request. Immutable.
 *
 * @param user     the authenticated user name, or empty when the server has no authentication
 * @param readOnly whether the user may run only queries
 * @param address  the client's {@code host:port}
 */
record Caller(Optional<String> user, boolean readOnly, String address) {
  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  /** The caller of the request this thread handles. */
  static Caller current() {
    Caller c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException("no request is being handled on this thread");
    }
    return c;
  }

  static void bind(Caller caller) {
    CURRENT.set(caller);
  }

  static void unbind() {
    CURRENT.remove();
  }

  /** Whether {@code other} is the same user (both anonymous counts). */
  boolean sameUser(Caller other) {
    return user.equals(other.user);
  }

  /** The user and address, as log lines name them. */
  String describe() {
    return user.map(u -> u + (readOnly ? " (read-only)" : "")).orElse("anonymous") + " from "
        + address;
  }
}
