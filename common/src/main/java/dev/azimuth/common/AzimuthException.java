package dev.azimuth.common;

import static java.util.Objects.requireNonNull;

/**
 * Root of every exception Azimuth throws on purpose; each layer has its own subclass.
 *
 * <p>It carries an {@link ErrorCode}, which the JDBC edge turns into the SQLSTATE of an
 * {@code SQLException}. Messages are written for the person who typed the statement.
 */
public class AzimuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public AzimuthException(ErrorCode code, String message) {
    super(message);
    this.code = requireNonNull(code, "code");
  }

  public AzimuthException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code");
  }

  /** The condition, which decides the SQLSTATE. */
  public ErrorCode code() {
    return code;
  }
}
