package dev.azimuth.index.graph;

/** The two shapes of graph index a segment can have. */
public enum GraphKind {
  /**
   * A hierarchical graph held in memory that scores against the caller's own vector array;
   * its file holds only the edges.
   */
  HNSW,
  /**
   * A graph searched through a memory-mapped file that also holds the full vectors, steered by
   * product-quantized codes kept in memory; it needs none of the caller's vectors once built.
   */
  DISKANN
}
