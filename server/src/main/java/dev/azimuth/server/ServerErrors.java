package dev.azimuth.server;

import dev.azimuth.common.AzimuthException;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;

/**
 * Failures as the client receives them: an Avatica error carrying the engine's message and
 * SQLSTATE, which the remote driver turns back into a SQLException with the same state.
 */
final class ServerErrors {
  /** PostgreSQL's admin_shutdown: the server is stopping and takes no new work. */
  static final String SHUTTING_DOWN = "57P01";
  /** PostgreSQL's connection_does_not_exist. */
  static final String NO_CONNECTION = "08003";

  private ServerErrors() {}

  /** The error a client receives for a failure inside the engine or the driver. */
  static AvaticaRuntimeException translate(RuntimeException e) {
    if (e instanceof AvaticaRuntimeException a) {
      return a;
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof AzimuthException a) {
        return error(a.getMessage(), a.code().sqlState());
      }
      if (c instanceof SQLException s && s.getSQLState() != null) {
        return error(s.getMessage(), s.getSQLState());
      }
    }
    return error(String.valueOf(e.getMessage()), "XX000");
  }

  static AvaticaRuntimeException error(String message, String sqlState) {
    return new AvaticaRuntimeException(message, 0, sqlState, AvaticaSeverity.ERROR);
  }

  static AvaticaRuntimeException shuttingDown() {
    return error("the server is shutting down and takes no new statements", SHUTTING_DOWN);
  }

  static AvaticaRuntimeException noConnection(String id) {
    return new AvaticaRuntimeException("connection " + id + " is not open on this server "
        + "(closed, idle too long, or the server restarted)",
        Service.ErrorResponse.MISSING_CONNECTION_ERROR_CODE, NO_CONNECTION,
        AvaticaSeverity.ERROR);
  }
}
