package dev.azimuth.jdbc.remote;

/**
 * An error the server sent, as the client code passes it up: the server's own message and
 * SQLSTATE, which {@link RemoteErrors} makes the SQLException. (Avatica's client would rewrap
 * it in messages of its own and, when preparing, drop the server's message altogether.)
 */
final class ServerError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final int vendorCode;

  ServerError(String message, String sqlState, int vendorCode, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.vendorCode = vendorCode;
  }

  String sqlState() {
    return sqlState;
  }

  int vendorCode() {
    return vendorCode;
  }
}
