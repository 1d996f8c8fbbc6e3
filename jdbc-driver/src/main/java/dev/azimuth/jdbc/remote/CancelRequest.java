package dev.azimuth.jdbc.remote;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Azimuth's one addition to the Avatica protocol, which has no cancel request: a POST to
 * {@value #PATH} on the server whose body is the statement's connection id and statement id,
 * in UTF-8 on two lines. It carries the same credentials as every other request, and the server
 * only cancels statements of the user who sent it. Immutable.
 *
 * @param connectionId the Avatica connection id (a UUID the client made)
 * @param statementId  the statement's id within the connection
 */
public record CancelRequest(String connectionId, int statementId) {
  /** The path the server answers cancel requests on. */
  public static final String PATH = "/azimuth/cancel";

  public byte[] encode() {
    return (connectionId + "\n" + statementId).getBytes(StandardCharsets.UTF_8);
  }

  /** The request in a body, or empty if the body is not one. */
  public static Optional<CancelRequest> decode(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    int newline = text.indexOf('\n');
    if (newline <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new CancelRequest(text.substring(0, newline).strip(),
          Integer.parseInt(text.substring(newline + 1).strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
