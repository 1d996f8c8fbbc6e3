package dev.azimuth.jdbc;

import dev.azimuth.jdbc.remote.RemoteDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:azimuth:} URLs, found by {@link java.sql.DriverManager}
 * through service loading. {@code file:} and {@code mem:} URLs run the engine in this JVM;
 * {@code remote:} URLs talk to an Azimuth server, and are all the thin client jar (which has no
 * engine) serves. Thread-safe.
 */
public final class Driver implements java.sql.Driver {
  static {
    try {
      DriverManager.registerDriver(new Driver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    AzimuthUrl parsed = AzimuthUrl.parse(url, info);
    return switch (parsed.kind()) {
      case REMOTE -> Remote.DRIVER.connect(parsed, url);
      case FILE, MEM -> EmbeddedConnector.connect(parsed, url);
    };
  }

  /** Made on first use, so that embedded use never loads the remote client. */
  private static final class Remote {
    static final RemoteDriver DRIVER = new RemoteDriver();
  }

  @Override public boolean acceptsURL(String url) {
    return AzimuthUrl.accepts(url);
  }

  @Override public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    boolean remote = url != null && url.regionMatches(true, 0, AzimuthUrl.PREFIX + "remote:", 0,
        AzimuthUrl.PREFIX.length() + "remote:".length());
    DriverPropertyInfo[] all = remote ? ConnectionProperties.remote() : ConnectionProperties.all();
    for (DriverPropertyInfo p : all) {
      if (info != null && info.getProperty(p.name) != null) {
        p.value = info.getProperty(p.name);
      }
    }
    return all;
  }

  @Override public int getMajorVersion() {
    return Version.MAJOR;
  }

  @Override public int getMinorVersion() {
    return Version.MINOR;
  }

  @Override public boolean jdbcCompliant() {
    return false;
  }

  @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Azimuth logs through SLF4J");
  }
}
