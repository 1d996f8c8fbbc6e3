package dev.azimuth.planner.copy;

import java.io.IOException;

/**
 * The rows of a file, each converted into a full-width table row (columns the file does not
 * fill stay null). Not thread-safe: one COPY reads it on one thread.
 */
interface RowSource extends AutoCloseable {
  /**
   * Reads the next row into {@code row}, which the caller has cleared to nulls.
   *
   * @return false at the end of the file
   * @throws dev.azimuth.common.AzimuthException for a row that is not valid, the message
   *     naming the column and the problem (the caller adds {@link #where})
   */
  boolean next(Object[] row) throws IOException;

  /** Skips data rows without converting them; returns how many there were, at most n. */
  long skip(long n) throws IOException;

  /** Where the row last read (or being read) starts, e.g. {@code line 12} or {@code row 12}. */
  String where();

  /** Bytes of the file consumed so far (an estimate for Parquet). */
  long bytesRead();

  /** The file's size in bytes. */
  long bytesTotal();

  @Override void close() throws IOException;
}
