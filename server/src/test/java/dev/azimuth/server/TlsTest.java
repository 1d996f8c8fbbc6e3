package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with a key store made by the JDK's keytool for this test: a client trusting the
 * certificate gets a round trip, one that does not is refused with 08001.
 */
class TlsTest {
  @TempDir static Path dir;
  static AzimuthServer server;
  static Path trust;

  @BeforeAll
  static void start() throws Exception {
    Path keys = dir.resolve("server.p12");
    Path cert = dir.resolve("server.crt");
    trust = dir.resolve("trust.p12");
    keytool("-genkeypair", "-alias", "azimuth", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-keystore", keys.toString(), "-storetype", "PKCS12", "-storepass", "server-secret");
    keytool("-exportcert", "-alias", "azimuth", "-keystore", keys.toString(), "-storepass",
        "server-secret", "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "azimuth", "-file", cert.toString(),
        "-keystore", trust.toString(), "-storetype", "PKCS12", "-storepass", "trust-secret");
    server = AzimuthServer.start(ServerConfig.local(dir.resolve("data"))
        .withTls(keys, "server-secret", "PKCS12"));
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "keytool hung");
    assertEquals(0, p.exitValue(), out);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void roundTripOverHttps() throws SQLException {
    assertTrue(server.url().toString().startsWith("https://127.0.0.1:"), server.url().toString());
    Properties p = new Properties();
    p.setProperty("truststore", trust.toString());
    p.setProperty("truststore_password", "trust-secret");
    try (Connection c = DriverManager.getConnection(TestServers.url(server), p)) {
      TestServers.run(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v VECTOR(2))",
          "INSERT INTO t VALUES (1, '[3,4]')");
      assertEquals(List.of(List.of("1", "5.0")),
          TestServers.strings(c, "SELECT id, VECTOR_NORM(v) FROM t"));
    }
  }

  @Test
  void anUntrustedCertificateIsRefused() {
    SQLException e = assertThrows(SQLException.class, () -> TestServers.connect(server));
    assertEquals("08001", e.getSQLState(), e.toString());
    assertTrue(e.getMessage().contains("TLS"), e.getMessage());
  }
}
