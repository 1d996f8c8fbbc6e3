package dev.azimuth.server.auth;

import static java.util.Objects.requireNonNull;

/**
 * One entry of the users file. Immutable.
 *
 * @param name     the login name
 * @param readOnly whether the user may run only queries (DDL and DML fail with 42501)
 * @param password the password's hash
 */
public record User(String name, boolean readOnly, PasswordHash password) {
  public User {
    requireNonNull(name, "name");
    requireNonNull(password, "password");
    if (!validName(name)) {
      throw new IllegalArgumentException("user name '" + name + "' must be 1 to 64 characters, "
          + "without ':', spaces or control characters");
    }
  }

  /** Whether a name can be stored in the users file. */
  public static boolean validName(String name) {
    return !name.isEmpty() && name.length() <= 64
        && name.chars().noneMatch(c -> c == ':' || Character.isWhitespace(c)
            || Character.isISOControl(c));
  }
}
