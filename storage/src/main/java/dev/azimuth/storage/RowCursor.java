package dev.azimuth.storage;

import java.util.Arrays;

/** Forward iteration over rows. Not thread-safe. */
public interface RowCursor extends AutoCloseable {
  /** Moves to the next row; false at the end. */
  boolean next();

  /** The current row's projected values, in a new array the caller may keep. */
  Object[] values();

  /**
   * The current row's projected values followed by its row id (a {@code Long}), in one new
   * array: what a filter scan feeding a vector search yields per row.
   */
  default Object[] valuesAndRowId() {
    Object[] values = values();
    Object[] row = Arrays.copyOf(values, values.length + 1);
    row[values.length] = rowId();
    return row;
  }

  /** The current row's id: where its vectors live, see {@link ReadView#rowId}. */
  long rowId();

  @Override
  void close();
}
