package dev.azimuth.storage.rocks;

/** Finds the ready index of an index definition over a segment, for read views. */
interface IndexLookup {
  /** A lease on the segment's index, or null if it is not ready; the caller must release it. */
  IndexHandle acquire(long indexId, int segment);
}
