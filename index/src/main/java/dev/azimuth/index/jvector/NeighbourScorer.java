package dev.azimuth.index.jvector;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex.IntMarker;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex.NeighborProcessor;

/**
 * A score function that scores a node's neighbours together, which {@link CsrGraph}'s view
 * prefers over one call per neighbour: batched kernels keep several vectors in flight.
 */
interface NeighbourScorer {
  /**
   * Marks the not yet visited nodes among {@code edges[from..to)} and hands each, scored, to the
   * processor in edge order, as JVector's own views do one at a time.
   */
  void scoreNeighbours(int[] edges, int from, int to, IntMarker visited,
      NeighborProcessor processor);
}
