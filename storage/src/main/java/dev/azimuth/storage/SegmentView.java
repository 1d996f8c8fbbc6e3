package dev.azimuth.storage;

/**
 * One segment of a table as a {@link ReadView} sees it: rows at ordinals {@code 0..size()-1},
 * each live or deleted, with each vector column stored contiguously so scans stream it, and each
 * scalar column by ordinal so text search can read a column without decoding rows.
 *
 * <p>Immutable; safe to share between threads.
 */
public interface SegmentView {
  int id();

  /** Whether the segment is sealed: it takes no new rows, only deletions, and gets indexes. */
  boolean sealed();

  /** Number of ordinals, live or not. */
  int size();

  /** Number of live ordinals. */
  int liveCount();

  boolean isLive(int ordinal);

  /** The primary key of the row at this ordinal (meaningful for live ordinals). */
  Object key(int ordinal);

  /**
   * The vectors of a VECTOR column: vector at ordinal i occupies
   * {@code data[i * dimension, (i + 1) * dimension)}. Do not modify the array.
   */
  float[] vectors(int column);

  /** Whether any row of the segment, live or not, has NULL in this vector column. */
  boolean hasNulls(int column);

  /** Whether the vector column is NULL at this ordinal. */
  boolean isNull(int column, int ordinal);

  /**
   * The value of a scalar (non-vector) column at an ordinal, in storage's Java form (a VARCHAR
   * is a {@link String}), or null; read from memory, without copying. Meaningful for live
   * ordinals.
   */
  Object value(int column, int ordinal);
}
