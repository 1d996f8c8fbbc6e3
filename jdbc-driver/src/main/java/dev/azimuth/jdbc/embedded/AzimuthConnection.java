package dev.azimuth.jdbc.embedded;

import dev.azimuth.planner.Engine;
import dev.azimuth.planner.Session;
import dev.azimuth.jdbc.Transactions;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * A connection to an engine in this JVM. In auto-commit mode (the default) every statement
 * commits when it completes; with {@code setAutoCommit(false)} statements run in a transaction
 * (snapshot isolation) until {@link #commit} or {@link #rollback}, and savepoints work. Closing
 * it rolls back what is not committed and releases the engine, which closes with its last
 * connection. Not thread-safe: JDBC connections are driven by one thread at a time.
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

  @Override public void setAutoCommit(boolean autoCommit) throws SQLException {
    try {
      super.setAutoCommit(autoCommit);
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override public void setTransactionIsolation(int level) throws SQLException {
    super.setTransactionIsolation(Transactions.isolationFor(level));
  }

  @Override public void commit() throws SQLException {
    checkOpen();
    if (getAutoCommit()) {
      throw new SQLException("cannot commit with auto-commit on: every statement already "
          + "committed when it completed", "25P01");
    }
    try {
      super.commit();
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override public void rollback() throws SQLException {
    checkOpen();
    if (getAutoCommit()) {
      throw new SQLException("cannot roll back with auto-commit on: every statement already "
          + "committed when it completed", "25P01");
    }
    try {
      super.rollback();
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override public Savepoint setSavepoint() throws SQLException {
    return Transactions.set(this, null);
  }

  @Override public Savepoint setSavepoint(String name) throws SQLException {
    if (name == null) {
      throw new SQLException("a savepoint name cannot be null", "22004");
    }
    return Transactions.set(this, name);
  }

  @Override public void rollback(Savepoint savepoint) throws SQLException {
    Transactions.rollback(this, savepoint);
  }

  @Override public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    Transactions.release(this, savepoint);
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

  /** Azimuth has no user-defined SQL types, so no type is mapped: the map is empty. */
  @Override public java.util.Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return new java.util.HashMap<>();
  }

  @Override public void setTypeMap(java.util.Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map != null && !map.isEmpty()) {
      throw new java.sql.SQLFeatureNotSupportedException("custom type maps are not supported: "
          + "Azimuth has no user-defined SQL types to map", "0A000");
    }
  }
}
