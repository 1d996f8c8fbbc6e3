package dev.azimuth.server;

import dev.azimuth.jdbc.remote.CancelRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Wraps every authenticated request: binds its {@link Caller} to the handling thread for the
 * Avatica handler inside, counts the requests in progress (for a graceful stop), and answers
 * {@link CancelRequest}s itself. Thread-safe.
 */
final class RequestScope extends HandlerWrapper {
  private static final Logger LOG = Logger.getLogger(RequestScope.class.getName());
  /** Far larger than any cancel request; a bigger body is not one. */
  private static final int MAX_CANCEL_BYTES = 1024;

  private final ServerMeta meta;
  private final Predicate<String> readOnlyUser;
  private final Object lock = new Object();
  private int inFlight;

  /** @param readOnlyUser whether an authenticated user may only read */
  RequestScope(ServerMeta meta, Predicate<String> readOnlyUser) {
    this.meta = meta;
    this.readOnlyUser = readOnlyUser;
  }

  @Override public void handle(String target, Request baseRequest, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    Optional<String> user = Optional.ofNullable(request.getRemoteUser());
    Caller caller = new Caller(user, user.map(readOnlyUser::test).orElse(false),
        request.getRemoteAddr() + ":" + request.getRemotePort());
    synchronized (lock) {
      inFlight++;
    }
    Caller.bind(caller);
    try {
      if (CancelRequest.PATH.equals(target)) {
        cancel(caller, baseRequest, request, response);
      } else {
        super.handle(target, baseRequest, request, response);
      }
    } finally {
      Caller.unbind();
      synchronized (lock) {
        inFlight--;
        lock.notifyAll();
      }
    }
  }

  private void cancel(Caller caller, Request baseRequest, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    baseRequest.setHandled(true);
    byte[] body = request.getInputStream().readNBytes(MAX_CANCEL_BYTES);
    Optional<CancelRequest> cancel = "POST".equals(request.getMethod())
        ? CancelRequest.decode(body) : Optional.empty();
    if (cancel.isEmpty()) {
      LOG.info(() -> "bad cancel request from " + caller.describe());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    // Like PostgreSQL's cancel: acknowledged either way, effective only for the owner.
    boolean found = meta.cancel(caller, cancel.get());
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/plain;charset=utf-8");
    response.getOutputStream().write((found ? "cancel requested" : "no such statement")
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Requests being handled now. */
  int inFlight() {
    synchronized (lock) {
      return inFlight;
    }
  }

  /**
   * Waits until no request is being handled, or {@code limit} has passed.
   *
   * @return whether none is
   */
  boolean awaitIdle(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (lock) {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }
}
