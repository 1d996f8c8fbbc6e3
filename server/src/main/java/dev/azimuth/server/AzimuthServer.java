package dev.azimuth.server;

import dev.azimuth.jdbc.Version;
import dev.azimuth.server.auth.UsersFile;
import dev.azimuth.server.auth.UsersLoginService;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.security.Constraint;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running Azimuth server: Jetty, Avatica's protobuf handler over {@link ServerMeta}, HTTP
 * Basic authentication against a users file when configured, and TLS from a key store when
 * configured. {@link #shutdown} stops it gracefully: new work is refused, running statements
 * get a grace period and are then cancelled, and the database is closed. Thread-safe.
 */
public final class AzimuthServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AzimuthServer.class.getName());
  /** After cancelling, how long statements get to stop before the server stops anyway. */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);
  private static final int MAX_THREADS = 200;
  private static final int REQUEST_HEADER_BYTES = 64 * 1024;

  private final ServerConfig config;
  private final Server jetty;
  private final ServerConnector connector;
  private final ServerMeta meta;
  private final RequestScope scope;
  private final ScheduledExecutorService housekeeping;
  private boolean stopped;

  private AzimuthServer(ServerConfig config, Server jetty, ServerConnector connector,
      ServerMeta meta, RequestScope scope) {
    this.config = config;
    this.jetty = jetty;
    this.connector = connector;
    this.meta = meta;
    this.scope = scope;
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "azimuth-server-housekeeping");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Opens the database and starts listening.
   *
   * @throws IllegalArgumentException for an unsafe or inconsistent configuration
   * @throws IOException              if the users file or key store cannot be read, or the
   *                                  address cannot be bound
   * @throws SQLException             if the database cannot be opened
   */
  public static AzimuthServer start(ServerConfig config) throws IOException, SQLException {
    config.checkSafe();
    UsersLoginService users = config.authenticated()
        ? new UsersLoginService(UsersFile.read(config.usersFile())) : null;
    ServerMeta meta = new ServerMeta(config.dataDir().toString());
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS);
    threads.setName("azimuth-http");
    Server jetty = new Server(threads);
    try {
      ServerConnector connector = connector(jetty, config);
      jetty.addConnector(connector);
      AvaticaProtobufHandler avatica = new AvaticaProtobufHandler(new LocalService(meta));
      RequestScope scope = new RequestScope(meta, user -> users != null && users.readOnly(user));
      scope.setHandler(avatica);
      jetty.setHandler(users == null ? scope : authenticating(users, scope));
      // Stopping is ours (graceful, then the database): Jetty must not stop itself on exit.
      jetty.setStopAtShutdown(false);
      start(jetty, config);
      avatica.setServerRpcMetadata(new Service.RpcMetadataResponse(
          config.host() + ":" + connector.getLocalPort()));
      AzimuthServer server = new AzimuthServer(config, jetty, connector, meta, scope);
      server.scheduleIdleSweep();
      LOG.info(() -> "Azimuth " + Version.VERSION + " listening on " + server.url()
          + " (authentication " + (users == null ? "none" : "basic, users " + config.usersFile())
          + ", TLS " + (config.tls() ? "on" : "off") + "), database " + config.dataDir());
      if (users != null && !config.tls() && !config.loopback()) {
        LOG.warning("passwords travel in clear text: use --keystore for HTTPS on "
            + config.host());
      }
      return server;
    } catch (IOException | RuntimeException e) {
      stopQuietly(jetty);
      meta.close();
      throw e;
    }
  }

  private static void start(Server jetty, ServerConfig config) throws IOException {
    try {
      jetty.start();
    } catch (IOException e) {
      throw new IOException("could not listen on " + config.host() + ":" + config.port() + ": "
          + e.getMessage(), e);
    } catch (Exception e) {
      // Jetty's lifecycle declares Exception; key store problems, for one, arrive so.
      throw new IOException("could not start the HTTP server: " + e.getMessage(), e);
    }
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.log(Level.FINE, "stopping a server that failed to start", e);
    }
  }

  /** Basic authentication in front of {@code inner}, with refused credentials logged. */
  private static Handler authenticating(UsersLoginService users, Handler inner) {
    ConstraintSecurityHandler security = basicAuthentication(users);
    security.setHandler(inner);
    AuthFailureLog log = new AuthFailureLog();
    log.setHandler(security);
    return log;
  }

  private static ServerConnector connector(Server jetty, ServerConfig config) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
    ServerConnector connector;
    if (config.tls()) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(config.keyStore().toAbsolutePath().toString());
      ssl.setKeyStorePassword(config.keyStorePassword());
      ssl.setKeyStoreType(config.keyStoreType());
      // Clients address the server by IP as often as by name: no SNI host check.
      http.addCustomizer(new SecureRequestCustomizer(false));
      connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
          new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    }
    // Avatica's own HttpServer cannot bind one address; a connector of our own can.
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(60_000);
    return connector;
  }

  private static ConstraintSecurityHandler basicAuthentication(UsersLoginService users) {
    Constraint constraint = new Constraint(Constraint.__BASIC_AUTH, Constraint.ANY_AUTH);
    constraint.setAuthenticate(true);
    ConstraintMapping mapping = new ConstraintMapping();
    mapping.setPathSpec("/*");
    mapping.setConstraint(constraint);
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setAuthenticator(new BasicAuthenticator());
    security.setLoginService(users);
    security.setRealmName(users.getName());
    security.setConstraintMappings(List.of(mapping));
    return security;
  }

  private void scheduleIdleSweep() {
    long every = Math.max(1, Math.min(60, config.idleTimeout().toSeconds() / 2));
    housekeeping.scheduleWithFixedDelay(() -> meta.closeIdle(config.idleTimeout()), every,
        every, TimeUnit.SECONDS);
  }

  /** The port listened on (useful when the configuration asked for any free one). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The address clients use, e.g. {@code http://127.0.0.1:8765}. */
  public URI url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create((config.tls() ? "https" : "http") + "://" + host + ":" + port());
  }

  /** Client connections open now. */
  public int connections() {
    return meta.connectionCount();
  }

  /**
   * Stops gracefully: refuses new connections and statements (57P01), waits up to
   * {@code grace} for the requests in progress, cancels what still runs (those statements fail
   * with 57014), then stops listening and closes the database. Safe to call twice.
   */
  public synchronized void shutdown(Duration grace) {
    if (stopped) {
      return;
    }
    stopped = true;
    LOG.info(() -> "shutting down: " + scope.inFlight() + " requests in progress, waiting up "
        + "to " + grace.toSeconds() + " s");
    meta.drain();
    housekeeping.shutdownNow();
    try {
      if (!scope.awaitIdle(grace)) {
        int cancelled = meta.cancelRunning();
        LOG.info(() -> "cancelling the statements of " + cancelled + " connections still "
            + "running");
        if (!scope.awaitIdle(CANCEL_GRACE)) {
          LOG.warning(scope.inFlight() + " requests still running; stopping anyway");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "the HTTP server did not stop cleanly", e);
    }
    meta.close();
    LOG.info("stopped; database closed");
  }

  @Override public void close() {
    shutdown(config.shutdownGrace());
  }
}
