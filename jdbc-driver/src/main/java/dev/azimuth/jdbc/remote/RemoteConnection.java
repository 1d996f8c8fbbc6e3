package dev.azimuth.jdbc.remote;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;

/**
 * A connection to an Azimuth server. Every statement commits when it completes (auto-commit).
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
}
