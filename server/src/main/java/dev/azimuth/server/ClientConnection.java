package dev.azimuth.server;

import dev.azimuth.jdbc.embedded.LocalConnection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.Meta;

/**
 * One client's connection on the server: its embedded connection (session, statements, open
 * results), who opened it, and when it was last used. Thread-safe.
 */
final class ClientConnection {
  private final String id;
  private final Caller owner;
  private final LocalConnection local;
  private final AtomicInteger active = new AtomicInteger();
  private volatile long lastUsed = System.nanoTime();

  ClientConnection(String id, Caller owner, LocalConnection local) {
    this.id = id;
    this.owner = owner;
    this.local = local;
  }

  String id() {
    return id;
  }

  Caller owner() {
    return owner;
  }

  LocalConnection local() {
    return local;
  }

  Meta meta() {
    return local.meta();
  }

  /** Marks a request on this connection as started. */
  void enter() {
    active.incrementAndGet();
    lastUsed = System.nanoTime();
  }

  /** Marks a request as finished. */
  void exit() {
    lastUsed = System.nanoTime();
    active.decrementAndGet();
  }

  /** Whether a request is being handled on this connection. */
  boolean busy() {
    return active.get() > 0;
  }

  /** Whether nothing has used the connection for longer than {@code limit}. */
  boolean idleLongerThan(Duration limit) {
    return !busy() && System.nanoTime() - lastUsed > limit.toNanos();
  }

  /** The connection and its owner, as log lines name them. */
  String describe() {
    return "connection " + id + " (" + owner.describe() + ")";
  }
}
