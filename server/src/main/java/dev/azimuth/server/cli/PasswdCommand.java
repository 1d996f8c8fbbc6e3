package dev.azimuth.server.cli;

import dev.azimuth.server.auth.PasswordHash;
import dev.azimuth.server.auth.User;
import dev.azimuth.server.auth.UsersFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code azimuth passwd}: adds a user to a users file, or sets their password and role, or
 * removes them. The password is read from the console (asked twice), or with
 * {@code --password-stdin} as the first line of standard input; it is never an argument, so it
 * stays out of shell history and process listings. A server reads the file when it starts.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
    description = "Adds or changes a user of a users file (password read from the console, or "
        + "from standard input with --password-stdin).")
final class PasswdCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--users", paramLabel = "FILE", required = true,
      description = "The users file, created if missing.")
  Path users;

  @Parameters(paramLabel = "USER", description = "The user name.")
  String user;

  @Option(names = "--read-only", description = "The user may only run queries.")
  boolean readOnly;

  @Option(names = "--delete", description = "Remove the user instead.")
  boolean delete;

  @Option(names = "--password-stdin",
      description = "Read the password from the first line of standard input (for scripts).")
  boolean passwordStdin;

  @Override public Integer call() {
    if (!User.validName(user)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "user name '" + user
          + "' must be 1 to 64 characters, without ':', spaces or control characters");
    }
    try {
      Map<String, User> all = Files.exists(users) ? UsersFile.read(users) : new LinkedHashMap<>();
      if (delete) {
        if (all.remove(user) == null) {
          System.err.println("azimuth passwd: no user " + user + " in " + users);
          return 1;
        }
        UsersFile.write(users, all.values());
        System.err.println("removed " + user + " from " + users);
        return 0;
      }
      char[] password = readPassword();
      try {
        all.put(user, new User(user, readOnly, PasswordHash.of(password,
            PasswordHash.DEFAULT_ITERATIONS)));
      } finally {
        Arrays.fill(password, '\0');
      }
      UsersFile.write(users, all.values());
      System.err.println("saved " + user + (readOnly ? " (read-only)" : "") + " in " + users
          + "; restart the server to apply");
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("azimuth passwd: " + e.getMessage());
      return 1;
    }
  }

  private char[] readPassword() throws IOException {
    Console console = System.console();
    char[] password;
    if (!passwordStdin) {
      if (console == null) {
        throw new IllegalArgumentException("no console to ask for the password; use "
            + "--password-stdin");
      }
      password = console.readPassword("Password for %s: ", user);
      char[] again = console.readPassword("Again: ");
      if (password == null || again == null || !Arrays.equals(password, again)) {
        throw new IllegalArgumentException("the passwords differ");
      }
      Arrays.fill(again, '\0');
    } else {
      String line = new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8)).readLine();
      password = line == null ? new char[0] : line.toCharArray();
    }
    if (password.length == 0) {
      throw new IllegalArgumentException("the password is empty");
    }
    return password;
  }
}
