package dev.azimuth.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Logs requests that offered credentials and were refused (HTTP 401), with the user name and
 * the client's address. Requests without credentials are not logged: HTTP clients send one
 * such request before each first authenticated one. Thread-safe.
 */
final class AuthFailureLog extends HandlerWrapper {
  private static final Logger LOG = Logger.getLogger(AuthFailureLog.class.getName());

  @Override public void handle(String target, Request baseRequest, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    super.handle(target, baseRequest, request, response);
    String authorization = request.getHeader("Authorization");
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && authorization != null) {
      LOG.info(() -> "authentication failed for user '" + basicUser(authorization) + "' from "
          + request.getRemoteAddr() + ":" + request.getRemotePort());
    }
  }

  private static String basicUser(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return "?";
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? "?" : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }
}
