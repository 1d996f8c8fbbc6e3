package dev.azimuth.storage.rocks;

/** Finds the ready graph of an index over a segment, for read views. */
interface GraphLookup {
  /** A lease on the graph, or null if it is not ready; the caller must release it. */
  GraphHandle acquire(long indexId, int segment);
}
