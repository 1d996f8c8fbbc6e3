package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.server.auth.User;
import dev.azimuth.server.auth.UsersFile;
import dev.azimuth.server.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code azimuth passwd} and the checks {@code azimuth serve} makes before it starts. */
class CommandLineTest {
  /** Runs a command line with {@code stdin} as standard input; returns status and stderr. */
  private static Object[] run(String stdin, String... args) {
    InputStream in = System.in;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int status = Main.run(args);
      return new Object[] {status, captured.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setIn(in);
      System.setErr(err);
    }
  }

  @Test
  void passwdAddsChangesAndRemovesUsers(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users");
    assertEquals(0, run("first secret\n", "passwd", "--users", users.toString(), "carol",
        "--password-stdin")[0]);
    assertEquals(0, run("other\n", "passwd", "--users", users.toString(), "dave", "--read-only",
        "--password-stdin")[0]);
    Map<String, User> read = UsersFile.read(users);
    assertFalse(read.get("carol").readOnly());
    assertTrue(read.get("carol").password().matches("first secret".toCharArray()));
    assertTrue(read.get("dave").readOnly());
    assertFalse(Files.readString(users).contains("first secret"));

    assertEquals(0, run("second\n", "passwd", "--users", users.toString(), "carol",
        "--password-stdin")[0]);
    assertTrue(UsersFile.read(users).get("carol").password().matches("second".toCharArray()));
    assertEquals(0, run("", "passwd", "--users", users.toString(), "dave", "--delete")[0]);
    assertEquals(java.util.Set.of("carol"), UsersFile.read(users).keySet());
  }

  @Test
  void passwdRefusesEmptyPasswordsAndBadNames(@TempDir Path dir) {
    Path users = dir.resolve("users");
    Object[] empty = run("\n", "passwd", "--users", users.toString(), "erin",
        "--password-stdin");
    assertEquals(1, empty[0]);
    assertTrue(((String) empty[1]).contains("empty"), (String) empty[1]);
    assertFalse(Files.exists(users));
    assertEquals(2, run("pw\n", "passwd", "--users", users.toString(), "a:b",
        "--password-stdin")[0]);
  }

  @Test
  void serveRefusesUnsafeOrIncompleteSettings(@TempDir Path dir) {
    Object[] open = run("", "serve", "--data", dir.resolve("data").toString(), "--host",
        "0.0.0.0", "--port", "0");
    assertEquals(1, open[0]);
    assertTrue(((String) open[1]).contains("refusing to listen on 0.0.0.0"), (String) open[1]);
    assertFalse(Files.exists(dir.resolve("data")), "the database was not opened");
    assertEquals(2, run("", "serve", "--auth", "basic")[0]);
    assertEquals(2, run("", "serve", "--keystore", "ks.p12", "--keystore-password", "")[0]);
  }
}
