package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.server.auth.PasswordHash;
import dev.azimuth.server.auth.User;
import dev.azimuth.server.auth.UsersFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP Basic against the users file: the right password connects, a wrong one is refused with
 * HTTP 401 and SQLException 28P01, and a read-only user's DDL and DML fail with 42501 while
 * queries work.
 */
class AuthTest {
  @TempDir static Path dir;
  static AzimuthServer server;

  @BeforeAll
  static void start() throws Exception {
    Path users = dir.resolve("users");
    UsersFile.write(users, List.of(
        new User("alice", false, PasswordHash.of("wonderland".toCharArray(), 600_000)),
        new User("bob", true, PasswordHash.of("builder".toCharArray(), 600_000))));
    server = AzimuthServer.start(ServerConfig.local(dir.resolve("data")).withUsers(users));
    try (Connection c = TestServers.connect(server, "alice", "wonderland")) {
      TestServers.run(c, "CREATE TABLE docs (id INTEGER PRIMARY KEY, v VECTOR(2))",
          "INSERT INTO docs VALUES (1, '[1,0]'), (2, '[0,1]')");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theUsersFileHoldsNoPassword() throws Exception {
    String text = Files.readString(dir.resolve("users"));
    assertFalse(text.contains("wonderland") || text.contains("builder"), text);
    assertTrue(text.contains("alice:read-write:pbkdf2-sha256:600000:"), text);
    assertTrue(text.contains("bob:read-only:pbkdf2-sha256:600000:"), text);
  }

  @Test
  void wrongPasswordIsRefusedWith401() throws Exception {
    SQLException e = assertThrows(SQLException.class,
        () -> TestServers.connect(server, "alice", "rabbit-hole"));
    assertEquals("28P01", e.getSQLState(), e.toString());
    assertTrue(e.getMessage().contains("401"), e.getMessage());

    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            server.url()).header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("alice:rabbit-hole".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, raw.statusCode());
  }

  @Test
  void unknownUserAndNoCredentialsAreRefused() {
    SQLException unknown = assertThrows(SQLException.class,
        () -> TestServers.connect(server, "mallory", "wonderland"));
    assertEquals("28P01", unknown.getSQLState());
    SQLException none = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(TestServers.url(server)));
    assertEquals("28P01", none.getSQLState());
  }

  @Test
  void readOnlyUserQueriesButCannotWrite() throws SQLException {
    try (Connection c = TestServers.connect(server, "bob", "builder");
         Statement s = c.createStatement()) {
      assertEquals(List.of(List.of("2")), TestServers.strings(c, "SELECT COUNT(*) FROM docs"));
      s.execute("SET ef_search = 80");
      assertEquals("42501", assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO docs VALUES (3, '[1,1]')")).getSQLState());
      assertEquals("42501", assertThrows(SQLException.class,
          () -> s.executeUpdate("DELETE FROM docs")).getSQLState());
      assertEquals("42501", assertThrows(SQLException.class,
          () -> s.execute("CREATE TABLE mine (id INTEGER PRIMARY KEY)")).getSQLState());
      assertEquals("42501", assertThrows(SQLException.class,
          () -> s.execute("DROP TABLE docs")).getSQLState());
      try (PreparedStatement update = c.prepareStatement("UPDATE docs SET v = ? WHERE id = 1")) {
        update.setObject(1, new float[] {5, 5});
        SQLException e = assertThrows(SQLException.class, update::executeUpdate);
        assertEquals("42501", e.getSQLState());
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
      }
    }
    try (Connection c = TestServers.connect(server, "alice", "wonderland")) {
      assertEquals(List.of(List.of("1", "[1.0,0.0]"), List.of("2", "[0.0,1.0]")),
          TestServers.strings(c, "SELECT * FROM docs ORDER BY id"));
    }
  }

  @Test
  void aReadOnlyUserCannotAskForWrites() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "bob");
    p.setProperty("password", "builder");
    p.setProperty("read_only", "false");
    try (Connection c = DriverManager.getConnection(TestServers.url(server), p);
         Statement s = c.createStatement()) {
      assertEquals("42501", assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO docs VALUES (3, '[1,1]')")).getSQLState());
    }
  }

  @Test
  void aWriterMayAskForAReadOnlyConnection() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "alice");
    p.setProperty("password", "wonderland");
    p.setProperty("read_only", "true");
    try (Connection c = DriverManager.getConnection(TestServers.url(server), p);
         Statement s = c.createStatement()) {
      assertEquals("42501", assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO docs VALUES (3, '[1,1]')")).getSQLState());
      assertEquals(List.of(List.of("2")), TestServers.strings(c, "SELECT COUNT(*) FROM docs"));
    }
  }

  @Test
  void aNonLoopbackAddressWithoutAuthenticationIsRefused() {
    ServerConfig open = ServerConfig.local(dir.resolve("other")).withHost("0.0.0.0", false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AzimuthServer.start(open));
    assertTrue(e.getMessage().contains("--insecure"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("other")), "nothing was opened");
  }
}
