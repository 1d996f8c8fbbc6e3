package dev.azimuth.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users file: one user per line, {@code NAME:ROLE:pbkdf2-sha256:ITERATIONS:SALT:HASH},
 * where ROLE is {@code read-write} or {@code read-only}; {@code #} starts a comment. Passwords
 * are only ever stored hashed ({@link PasswordHash}). Writes replace the file atomically and
 * leave it readable by its owner alone. Stateless.
 */
public final class UsersFile {
  private static final String READ_WRITE = "read-write";
  private static final String READ_ONLY = "read-only";
  private static final String HEADER = "# Azimuth users: NAME:ROLE:pbkdf2-sha256:ITERATIONS:SALT:HASH"
      + " (edit with: azimuth passwd --users FILE USER)";

  private UsersFile() {}

  /**
   * Reads the users, by name.
   *
   * @throws IOException if the file cannot be read, or a line is malformed (naming the line)
   */
  public static Map<String, User> read(Path file) throws IOException {
    Map<String, User> users = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(":", 3);
      try {
        if (parts.length != 3) {
          throw new IllegalArgumentException("expected NAME:ROLE:HASH");
        }
        boolean readOnly = switch (parts[1]) {
          case READ_WRITE -> false;
          case READ_ONLY -> true;
          default -> throw new IllegalArgumentException("role must be " + READ_WRITE + " or "
              + READ_ONLY + ", not '" + parts[1] + "'");
        };
        User user = new User(parts[0], readOnly, PasswordHash.decode(parts[2]));
        if (users.putIfAbsent(user.name(), user) != null) {
          throw new IllegalArgumentException("user " + user.name() + " appears twice");
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return users;
  }

  /** Replaces the file with these users. */
  public static void write(Path file, Collection<User> users) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (User u : users) {
      lines.add(u.name() + ":" + (u.readOnly() ? READ_ONLY : READ_WRITE) + ":"
          + u.password().encode());
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".users", ".tmp");
    try {
      ownerOnly(temp);
      Files.write(temp, lines, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its default permissions apply.
    }
  }
}
