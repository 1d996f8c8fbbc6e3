package dev.azimuth.storage;

/** Forward iteration over rows. Not thread-safe. */
public interface RowCursor extends AutoCloseable {
  /** Moves to the next row; false at the end. */
  boolean next();

  /** The current row's projected values, in a new array the caller may keep. */
  Object[] values();

  /** The current row's id: where its vectors live, see {@link ReadView#rowId}. */
  long rowId();

  @Override
  void close();
}
