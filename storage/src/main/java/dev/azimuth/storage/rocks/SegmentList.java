package dev.azimuth.storage.rocks;

import java.util.List;

/**
 * Which segments make up a table, as the catalog keeps it: segment entries of any other id are
 * leftovers of an interrupted operation and are removed at open.
 *
 * @param growing the segment that takes new rows
 * @param sealed  sealed segments, oldest first
 * @param next    the id the next new segment gets
 */
record SegmentList(int growing, List<Integer> sealed, int next) {
  SegmentList {
    sealed = List.copyOf(sealed);
  }

  /** A table that has never sealed: what format-1 databases without this entry have. */
  static SegmentList initial() {
    return new SegmentList(1, List.of(), 2);
  }

  boolean contains(int segment) {
    return segment == growing || sealed.contains(segment);
  }
}
