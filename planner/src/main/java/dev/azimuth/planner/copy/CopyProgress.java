package dev.azimuth.planner.copy;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The live state of one COPY, as {@code SYS.COPIES} shows it. The COPY's thread updates it;
 * any thread reads it (each field is atomic on its own; a reader may see rows from one moment
 * and bytes from the next).
 */
public final class CopyProgress {
  /** Where a COPY is. */
  public enum State { RUNNING, DONE, FAILED }

  private final long id;
  private final String table;
  private final String direction;
  private final String file;
  private final String format;
  private final long startedMillis = System.currentTimeMillis();
  private final long startedNanos = System.nanoTime();
  private final AtomicLong rowsDone = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private volatile long bytesTotal = -1;
  private volatile long endedNanos;
  private volatile State state = State.RUNNING;
  private volatile String error;

  /**
   * @param table     the table loaded, or null for COPY (query) TO
   * @param direction FROM or TO
   */
  CopyProgress(long id, String table, String direction, String file, CopyFormat format) {
    this.id = id;
    this.table = table;
    this.direction = requireNonNull(direction, "direction");
    this.file = requireNonNull(file, "file");
    this.format = format.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Rows committed (FROM) or written (TO) so far. */
  void rowsDone(long rows) {
    rowsDone.set(rows);
  }

  void bytesRead(long bytes) {
    bytesRead.set(bytes);
  }

  void bytesTotal(long bytes) {
    bytesTotal = bytes;
  }

  void finished() {
    endedNanos = System.nanoTime();
    state = State.DONE;
  }

  void failed(String message) {
    endedNanos = System.nanoTime();
    error = message;
    state = State.FAILED;
  }

  long id() {
    return id;
  }

  State state() {
    return state;
  }

  long rowsDone() {
    return rowsDone.get();
  }

  /** The row of {@code SYS.COPIES}, in {@link CopyRegistry#columns} order. */
  Object[] row() {
    long end = state == State.RUNNING ? System.nanoTime() : endedNanos;
    double seconds = Math.max(0, end - startedNanos) / 1e9;
    long rows = rowsDone.get();
    long read = bytesRead.get();
    long total = bytesTotal;
    Double progress = total > 0 ? Math.min(100.0, Math.round(1000.0 * read / total) / 10.0)
        : null;
    if (state == State.DONE) {
      progress = 100.0;
    }
    double rate = seconds > 0 ? Math.round(rows / seconds * 10) / 10.0 : 0;
    return new Object[] {id, table, direction, file, format, state.name(), rows, read,
        total < 0 ? null : total, progress, rate, startedMillis,
        Math.round(seconds * 1000) / 1000.0, error};
  }
}
