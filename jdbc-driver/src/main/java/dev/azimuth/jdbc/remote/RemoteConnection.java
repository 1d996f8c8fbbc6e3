package dev.azimuth.jdbc.remote;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import dev.azimuth.jdbc.Transactions;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;

/**
 * A connection to an Azimuth server. Its transaction lives on the server, in the server's
 * session for it: with auto-commit on each statement commits there when it completes; with it
 * off, statements run in one transaction until {@link #commit} or {@link #rollback}, and the
 * server rolls back what is left when the connection closes, expires or the server restarts.
 * Besides Avatica's requests it sends {@link CancelRequest}s, on a client of its own made with
 * the same address, credentials and TLS settings. Not thread-safe, except {@link #cancel}:
 * JDBC connections are driven by one thread at a time.
 */
final class RemoteConnection extends AvaticaConnection {
  private volatile AvaticaHttpClient cancelClient;

  RemoteConnection(UnregisteredDriver driver, AvaticaFactory factory, String url,
      Properties info) {
    super(driver, factory, url, info);
  }

  Meta meta() {
    return meta;
  }

  /** The server's address, for messages. */
  String server() {
    return config().url();
  }

  /** Asks the server to stop what a statement of this connection runs. Thread-safe. */
  void cancel(Meta.StatementHandle h) throws SQLException {
    try {
      cancelClient().send(new CancelRequest(h.connectionId, h.id).encode());
    } catch (RuntimeException e) {
      throw RemoteErrors.translate(e, server());
    }
  }

  /** {@link #cancel}, for when the statement has failed already and a failure adds nothing. */
  void cancelQuietly(Meta.StatementHandle h) {
    try {
      cancel(h);
    } catch (SQLException | RuntimeException e) {
      // The statement's own failure is what the caller reports.
    }
  }

  private AvaticaHttpClient cancelClient() {
    AvaticaHttpClient client = cancelClient;
    if (client == null) {
      ConnectionConfig config = config();
      try {
        URI base = new URI(config.url());
        URI cancel = new URI(base.getScheme(), base.getAuthority(), CancelRequest.PATH, null,
            null);
        client = config.httpClientFactory().getClient(cancel.toURL(), config,
            getKerberosConnection());
      } catch (URISyntaxException | MalformedURLException e) {
        throw new IllegalStateException("the server URL was checked when connecting", e);
      }
      cancelClient = client;
    }
    return client;
  }

  @Override public AvaticaStatement createStatement(int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    try {
      return super.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    } catch (SQLException | RuntimeException e) {
      throw RemoteErrors.translate(e, server());
    }
  }

  @Override public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    try {
      return super.prepareStatement(sql, resultSetType, resultSetConcurrency,
          resultSetHoldability);
    } catch (SQLException | RuntimeException e) {
      throw RemoteErrors.translate(e, server());
    }
  }

  // Avatica sends a changed property only with the next statement it creates or prepares, not
  // before re-running a prepared one or a commit: the server must know at once.
  @Override public void setAutoCommit(boolean autoCommit) throws SQLException {
    try {
      super.setAutoCommit(autoCommit);
      meta.connectionSync(handle, new ConnectionPropertiesImpl());
    } catch (SQLException | RuntimeException e) {
      throw RemoteErrors.translate(e, server());
    }
  }

  @Override public void setTransactionIsolation(int level) throws SQLException {
    try {
      super.setTransactionIsolation(Transactions.isolationFor(level));
      meta.connectionSync(handle, new ConnectionPropertiesImpl());
    } catch (SQLException | RuntimeException e) {
      throw RemoteErrors.translate(e, server());
    }
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
      throw RemoteErrors.translate(e, server());
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
      throw RemoteErrors.translate(e, server());
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

  /**
   * Closes the connection here and on the server. If the server is gone or has already dropped
   * the connection (an 08 SQLSTATE), there is nothing left to release, and closing succeeds.
   */
  @Override public void close() throws SQLException {
    try {
      super.close();
    } catch (SQLException | RuntimeException e) {
      SQLException translated = RemoteErrors.translate(e, server());
      if (translated.getSQLState() == null || !translated.getSQLState().startsWith("08")) {
        throw translated;
      }
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
