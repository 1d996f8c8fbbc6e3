package dev.azimuth.planner;

import dev.azimuth.planner.prepare.ErrorTranslator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.calcite.linq4j.Enumerator;

/**
 * What executing a statement produced: rows, or a count of rows changed. Rows are produced
 * lazily; closing releases what the execution holds (read views, cursors). Not thread-safe.
 */
public final class QueryResult implements AutoCloseable, Iterator<Object[]> {
  private final Enumerator<?> rows;
  private final int width;
  private final long updateCount;
  private final AutoCloseable resources;
  private Boolean hasNext;
  private boolean closed;

  private QueryResult(Enumerator<?> rows, int width, long updateCount,
      AutoCloseable resources) {
    this.rows = rows;
    this.width = width;
    this.updateCount = updateCount;
    this.resources = resources;
  }

  /**
   * Rows of {@code width} columns. Calcite's generated code yields a one-column row as the bare
   * value; such rows are wrapped here so every row is an {@code Object[]}.
   */
  static QueryResult rows(Enumerator<?> rows, int width, AutoCloseable resources) {
    return new QueryResult(rows, width, -1, resources);
  }

  static QueryResult count(long count) {
    return new QueryResult(null, 0, count, () -> { });
  }

  /** Whether this is a result set (true) or an update count (false). */
  public boolean hasRows() {
    return rows != null;
  }

  /** Rows changed, or -1 for a result set. */
  public long updateCount() {
    return updateCount;
  }

  /**
   * Whether there is another row; computing it may fail like the statement itself.
   *
   * @throws dev.azimuth.common.AzimuthException describing what went wrong
   */
  @Override public boolean hasNext() {
    if (rows == null || closed) {
      return false;
    }
    if (hasNext == null) {
      try {
        hasNext = rows.moveNext();
      } catch (RuntimeException | LinkageError e) {
        throw ErrorTranslator.translate(e);
      }
    }
    return hasNext;
  }

  @Override public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    hasNext = null;
    Object row;
    try {
      row = rows.current();
    } catch (RuntimeException | LinkageError e) {
      throw ErrorTranslator.translate(e);
    }
    if (width == 1 && !(row instanceof Object[] a && a.length == 1)) {
      return new Object[] {row};
    }
    return (Object[]) row;
  }

  @Override public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (rows != null) {
        rows.close();
      }
    } finally {
      try {
        resources.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not release statement resources", e);
      }
    }
  }
}
