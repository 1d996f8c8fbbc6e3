package dev.azimuth.storage;

import java.util.List;

/**
 * A table as of one moment: rows by key, the segments holding the vector columns, and the
 * segments' vector and text indexes.
 *
 * <p>Safe for concurrent reads, so that the independent parts of one statement (a hybrid
 * search's inputs) can read one snapshot from several threads; close it once, after they have
 * all finished. Must be closed (it pins a storage snapshot).
 */
public interface ReadView extends AutoCloseable {
  TableDef definition();

  /** Live rows in the view. */
  long rowCount();

  /**
   * Iterates the rows in key order.
   *
   * @param columns indexes of the columns wanted; the cursor's values follow this order
   */
  RowCursor scan(int[] columns);

  /**
   * Iterates the live rows segment by segment, in ordinal order: no key order, but read from
   * memory only, so it is the fast way to evaluate a filter over every row.
   */
  RowCursor scanBySegment(int[] columns);

  /** The row with this key, projected to {@code columns}, or null if there is none. */
  Object[] get(Object key, int[] columns);

  /** The row id of the live row with this key, or -1 if there is none. */
  long locate(Object key);

  /** The row at a row id (see {@link RowCursor#rowId}), projected; null if it is not live. */
  Object[] getByRowId(long rowId, int[] columns);

  /** The segments, which hold every row's vectors at (segment, ordinal). */
  List<SegmentView> segments();

  /**
   * The graph of an index over a sealed segment of this view, or null while it is not built
   * (search that segment exactly then). The graph stays usable until the view is closed.
   */
  dev.azimuth.index.graph.VectorGraph graph(int segment, long indexId);

  /**
   * The inverted index of a FULLTEXT index over a sealed segment of this view, or null while it
   * is not built (analyze that segment's texts then). It stays usable until the view is closed.
   */
  dev.azimuth.index.text.SegmentTextIndex textIndex(int segment, long indexId);

  /**
   * The ordinals of a sealed segment of this view sorted by a BTREE index's key, or null while
   * that index is not built over it (scan that segment then). Ordinals deleted since the
   * index was built are still in it: check {@link SegmentView#isLive}.
   */
  dev.azimuth.index.sorted.SortedOrdinals sortedIndex(int segment, long indexId);

  @Override
  void close();

  /** Packs a segment id and an ordinal into a row id. */
  static long rowId(int segmentId, int ordinal) {
    return ((long) segmentId << 32) | (ordinal & 0xFFFFFFFFL);
  }

  static int segmentOf(long rowId) {
    return (int) (rowId >>> 32);
  }

  static int ordinalOf(long rowId) {
    return (int) rowId;
  }
}
