package dev.azimuth.server;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a server. Immutable.
 *
 * @param dataDir          the database directory (created if missing)
 * @param host             the address to bind; loopback unless authentication is on (or
 *                         {@code insecure})
 * @param port             the port; 0 picks a free one
 * @param usersFile        the users file for HTTP Basic authentication, or null for none
 * @param insecure         allow binding a non-loopback address without authentication
 * @param keyStore         a key store with the server's certificate and key for HTTPS, or null
 *                         for plain HTTP
 * @param keyStorePassword the key store's password (null without TLS)
 * @param keyStoreType     the key store's format, e.g. {@code PKCS12} or {@code JKS}
 * @param shutdownGrace    how long a stop waits for running statements before cancelling them
 * @param idleTimeout      a connection unused for this long is closed
 */
public record ServerConfig(Path dataDir, String host, int port, Path usersFile,
    boolean insecure, Path keyStore, String keyStorePassword, String keyStoreType,
    Duration shutdownGrace, Duration idleTimeout) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8765;

  public ServerConfig {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(host, "host");
    requireNonNull(shutdownGrace, "shutdownGrace");
    requireNonNull(idleTimeout, "idleTimeout");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    if (keyStore != null && keyStorePassword == null) {
      throw new IllegalArgumentException("a key store needs its password");
    }
  }

  /** A loopback server on a free port, without authentication or TLS. */
  public static ServerConfig local(Path dataDir) {
    return new ServerConfig(dataDir, DEFAULT_HOST, 0, null, false, null, null, "PKCS12",
        Duration.ofSeconds(30), Duration.ofMinutes(30));
  }

  public boolean authenticated() {
    return usersFile != null;
  }

  public boolean tls() {
    return keyStore != null;
  }

  /** Whether {@code host} names only this machine. */
  public boolean loopback() throws UnknownHostException {
    for (InetAddress a : InetAddress.getAllByName(host)) {
      if (!a.isLoopbackAddress()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks the combination is safe to run.
   *
   * @throws IllegalArgumentException for a non-loopback address without authentication
   *                                  unless {@code insecure}
   */
  public void checkSafe() throws UnknownHostException {
    if (!authenticated() && !insecure && !loopback()) {
      throw new IllegalArgumentException("refusing to listen on " + host + " without "
          + "authentication: anyone who can reach it could read and change the database. Use "
          + "--auth basic --users FILE, or --insecure if the network is trusted");
    }
  }

  public ServerConfig withUsers(Path users) {
    return new ServerConfig(dataDir, host, port, users, insecure, keyStore, keyStorePassword,
        keyStoreType, shutdownGrace, idleTimeout);
  }

  public ServerConfig withHost(String newHost, boolean allowInsecure) {
    return new ServerConfig(dataDir, newHost, port, usersFile, allowInsecure, keyStore,
        keyStorePassword, keyStoreType, shutdownGrace, idleTimeout);
  }

  public ServerConfig withTls(Path store, String password, String type) {
    return new ServerConfig(dataDir, host, port, usersFile, insecure, store, password, type,
        shutdownGrace, idleTimeout);
  }
}
