package dev.azimuth.shell.copy;

import java.io.IOException;

/**
 * The rows of a client-side file, each as the raw values of the columns it fills (text, JSON
 * scalars, vectors), which {@link TargetColumn#convert} then checks. Not thread-safe.
 */
interface RowReader extends AutoCloseable {
  /** The table columns (indexes) the values go to, in the order {@link #next} fills them. */
  int[] targets();

  /**
   * Reads the next row's values into {@code values} (one per target).
   *
   * @return false at the end of the file
   * @throws BadRowException for a row that is malformed (its layout, not a value)
   */
  boolean next(Object[] values) throws IOException, BadRowException;

  /** Skips up to n data rows; returns how many there were. */
  long skip(long n) throws IOException, BadRowException;

  /** Where the row last read starts, e.g. {@code line 12} or {@code row 12}. */
  String where();

  /** Bytes of the file consumed so far. */
  long bytesRead();

  /** The file's size in bytes. */
  long bytesTotal();

  /** The number of rows in the file if the format tells it up front, else -1. */
  default long rowsTotal() {
    return -1;
  }

  @Override void close() throws IOException;
}
