package dev.azimuth.jdbc.remote;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import javax.net.ssl.SSLException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;

/**
 * The one place remote failures become {@link SQLException}s: a server error keeps the message
 * and SQLSTATE the server sent (Avatica adds a prefix and wraps it; this unwraps it), and
 * transport failures get connection SQLSTATEs: 28P01 for rejected credentials (HTTP 401), 08001
 * when the server cannot be reached, 08006 when it stops answering.
 */
final class RemoteErrors {
  /** What Avatica sends when it knows no SQLSTATE. */
  private static final String UNKNOWN_STATE = "00000";

  private RemoteErrors() {}

  static SQLException translate(Exception e) {
    return translate(e, null);
  }

  /** @param server the server's address, for messages about reaching it; may be null */
  static SQLException translate(Exception e, String server) {
    String where = server == null ? "the server" : "the Azimuth server at " + server;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ServerError r) {
        return new SQLException(r.getMessage(), state(r.sqlState()), r.vendorCode(), e);
      }
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof AvaticaClientRuntimeException r) {
        return new SQLException(r.getMessage(), state(r.getSqlState()), r.getErrorCode(), e);
      }
      if (c instanceof AvaticaSqlException s) {
        return new SQLException(s.getErrorMessage(), state(s.getSQLState()), s.getErrorCode(), e);
      }
      String message = c.getMessage() == null ? "" : c.getMessage();
      if (message.contains("got HTTP/401")) {
        return new SQLInvalidAuthorizationSpecException("authentication failed: " + where
            + " rejected the user name or password (HTTP 401)", "28P01", e);
      }
      if (message.contains("got HTTP/")) {
        return new SQLNonTransientConnectionException(where + " answered "
            + message.substring(message.indexOf("HTTP/")) + "; is it an Azimuth server?",
            "08001", e);
      }
      if (c instanceof ConnectException || c instanceof UnknownHostException) {
        return new SQLNonTransientConnectionException("could not connect to " + where + ": "
            + message, "08001", e);
      }
      if (c instanceof SSLException) {
        return new SQLNonTransientConnectionException("TLS with " + where + " failed: "
            + message + " (for a self-signed certificate, set truststore and "
            + "truststore_password)", "08001", e);
      }
      if (c instanceof SocketTimeoutException) {
        return new SQLTransientConnectionException(where + " did not answer in time ("
            + message + "; see http_response_timeout)", "08006", e);
      }
    }
    if (e instanceof SQLException s && s.getSQLState() != null) {
      return s;
    }
    return new SQLException(e.getMessage(), "XX000", e);
  }

  private static String state(String sqlState) {
    return sqlState == null || sqlState.equals(UNKNOWN_STATE) ? "XX000" : sqlState;
  }
}
