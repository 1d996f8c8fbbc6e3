package dev.azimuth.jdbc.embedded;

import dev.azimuth.planner.Engine;
import dev.azimuth.planner.Session;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * A connection to an engine in this JVM. Every statement commits when it completes
 * (auto-commit); {@code setAutoCommit(false)} is accepted and changes nothing. Closing it
 * releases the engine, which closes with its last connection. Not thread-safe: JDBC
 * connections are driven by one thread at a time.
 */
final class AzimuthConnection extends AvaticaConnection {
  private final EngineRegistry.Lease lease;
  private final Session session;
  /** Avatica parses the time zone out of the properties on every query; they never change. */
  private TimeZone timeZone;

  /** @param readOnly whether the session refuses DDL and DML */
  AzimuthConnection(UnregisteredDriver driver, AvaticaFactory factory, String url,
      Properties info, EngineRegistry.Lease lease, boolean readOnly) {
    super(driver, factory, url, info);
    this.lease = lease;
    this.session = lease.engine().newSession(readOnly);
  }

  @Override public TimeZone getTimeZone() {
    if (timeZone == null) {
      timeZone = super.getTimeZone();
    }
    return timeZone;
  }

  Engine engine() {
    return lease.engine();
  }

  Session session() {
    return session;
  }

  Meta meta() {
    return meta;
  }

  @Override public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    try {
      return super.prepareStatement(sql, resultSetType, resultSetConcurrency,
          resultSetHoldability);
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override public void close() throws SQLException {
    if (isClosed()) {
      return;
    }
    try {
      super.close();
    } finally {
      EngineRegistry.release(lease);
    }
  }
}
