package dev.azimuth.index.jvector;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex.IntMarker;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex.NeighborProcessor;

/**
 * A score function that scores a node's neighbours together, which {@link CsrGraph}'s view
 * prefers over one call per neighbour: batched kernels keep several vectors in flight. One per
 * search, so its scratch needs no locking.
 */
abstract class NeighbourScorer {
  // Shared empty arrays: builds create a scorer per comparison and most never batch.
  private static final int[] NO_NODES = new int[0];
  private static final float[] NO_SCORES = new float[0];

  private int[] batch = NO_NODES;
  private float[] scores = NO_SCORES;

  /**
   * Marks the not yet visited nodes among {@code edges[from..to)} and hands each, scored, to the
   * processor in edge order, as JVector's own views do one at a time.
   */
  final void scoreNeighbours(int[] edges, int from, int to, IntMarker visited,
      NeighborProcessor processor) {
    if (batch.length < to - from) {
      batch = new int[to - from];
      scores = new float[to - from];
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      if (visited.mark(edges[i])) {
        batch[n++] = edges[i];
      }
    }
    scoreAll(batch, n, scores);
    for (int i = 0; i < n; i++) {
      processor.process(batch[i], scores[i]);
    }
  }

  /** Scores {@code nodes[0..n)} into {@code out[0..n)}. */
  abstract void scoreAll(int[] nodes, int n, float[] out);
}
