package dev.azimuth.server.cli;

import dev.azimuth.server.AzimuthServer;
import dev.azimuth.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code azimuth serve}: runs the server until SIGTERM or Ctrl-C, then stops gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serves a database to JDBC clients (jdbc:azimuth:remote:http://HOST:PORT).")
final class ServeCommand implements Callable<Integer> {
  /** Ways clients prove who they are. */
  enum Auth { none, basic }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "azimuth-data",
      description = "Database directory, created if missing (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--host", defaultValue = ServerConfig.DEFAULT_HOST,
      description = "Address to listen on (default: ${DEFAULT-VALUE}). Any other than "
          + "loopback needs --auth basic, or --insecure.")
  String host;

  @Option(names = "--port", defaultValue = "" + ServerConfig.DEFAULT_PORT,
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--auth", defaultValue = "none",
      description = "none, or basic: HTTP Basic against --users (default: ${DEFAULT-VALUE}).")
  Auth auth;

  @Option(names = "--users", paramLabel = "FILE",
      description = "Users file for --auth basic; make entries with: azimuth passwd.")
  Path users;

  @Option(names = "--insecure",
      description = "Allow a non-loopback --host without authentication.")
  boolean insecure;

  @Option(names = "--keystore", paramLabel = "FILE",
      description = "Key store with the server's certificate and key: serve HTTPS.")
  Path keystore;

  @Option(names = "--keystore-password", paramLabel = "PASSWORD",
      defaultValue = "${env:AZIMUTH_KEYSTORE_PASSWORD}",
      description = "The key store's password (default: $AZIMUTH_KEYSTORE_PASSWORD).")
  String keystorePassword;

  @Option(names = "--keystore-type", defaultValue = "PKCS12",
      description = "The key store's format (default: ${DEFAULT-VALUE}).")
  String keystoreType;

  @Option(names = "--shutdown-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "On SIGTERM, how long running statements may finish before they are "
          + "cancelled (default: ${DEFAULT-VALUE}).")
  int shutdownSeconds;

  @Option(names = "--idle-timeout", paramLabel = "MINUTES", defaultValue = "30",
      description = "Close client connections unused this long (default: ${DEFAULT-VALUE}).")
  int idleMinutes;

  @Override public Integer call() throws InterruptedException {
    ServerConfig config = config();
    ServerLogging.configure();
    AzimuthServer server;
    try {
      server = AzimuthServer.start(config);
    } catch (IOException | SQLException | IllegalArgumentException e) {
      System.err.println("azimuth serve: " + e.getMessage());
      return 1;
    }
    Duration grace = Duration.ofSeconds(shutdownSeconds);
    CountDownLatch stop = new CountDownLatch(1);
    TerminationSignals.onTermination(stop::countDown);
    // Any other way out of the JVM still closes the database.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.shutdown(grace),
        "azimuth-shutdown"));
    stop.await();
    server.shutdown(grace);
    return 0;
  }

  private ServerConfig config() {
    if (auth == Auth.basic && users == null) {
      throw usage("--auth basic needs --users FILE");
    }
    if (auth == Auth.none && users != null) {
      throw usage("--users is used with --auth basic");
    }
    if (keystore != null && (keystorePassword == null || keystorePassword.isEmpty())) {
      throw usage("--keystore needs --keystore-password (or $AZIMUTH_KEYSTORE_PASSWORD)");
    }
    if (shutdownSeconds < 0 || idleMinutes < 1) {
      throw usage("--shutdown-timeout must be 0 or more, --idle-timeout 1 or more");
    }
    try {
      return new ServerConfig(data, host, port, auth == Auth.basic ? users : null, insecure,
          keystore, keystore == null ? null : keystorePassword, keystoreType,
          Duration.ofSeconds(shutdownSeconds), Duration.ofMinutes(idleMinutes));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
