package dev.azimuth.index.jvector;

import java.io.Closeable;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The HNSW walk over a {@link CsrGraph}: a greedy descent through the upper layers, then a
 * best-first search of layer 0 with a beam of fixed width. It returns the beam, not a top k:
 * the caller reranks it on the full vectors.
 *
 * <p>This is the walk JVector's {@code GraphSearcher} makes, specialised to our immutable
 * arrays: visited nodes are stamped in an int array instead of a hash set, both queues are
 * primitive heaps, and each expanded node's unvisited neighbours are scored as one batch (so
 * the four-at-a-time kernels keep several codes in flight). On Fashion-MNIST this took the
 * searcher's own share of a query from about 16 % to a few per cent.
 *
 * <p>Not thread-safe: one search at a time; graphs pool them ({@link SearcherPool}).
 */
final class CsrSearcher implements Closeable {
  private final CsrGraph graph;
  /** Per node id: the search that last visited it. */
  private final int[] visitedIn;
  private int search;
  /** Candidates still to expand: a max-heap on score. */
  private final ScoreHeap candidates = new ScoreHeap(64, true);
  /** The beam: a min-heap on score, holding at most the beam width of accepted nodes. */
  private final ScoreHeap beam = new ScoreHeap(64, false);
  private int[] batch = new int[64];
  private float[] scores = new float[64];

  CsrSearcher(CsrGraph graph) {
    this.graph = graph;
    this.visitedIn = new int[Math.max(1, graph.getIdUpperBound())];
  }

  /**
   * Walks the graph for the query that {@code scorer} scores and returns the best
   * {@code width} accepted nodes it met, in no particular order, as a heap the caller reads
   * with {@link ScoreHeap#size()}, {@link ScoreHeap#node(int)} and {@link ScoreHeap#score(int)}
   * until the next search.
   *
   * @param accept which node ids may be returned; others are still walked through
   */
  ScoreHeap search(NeighbourScorer scorer, int width, IntPredicate accept) {
    candidates.clear();
    beam.clear();
    var entry = graph.entry();
    if (entry == null) {
      return beam;
    }
    int node = entry.node;
    // Through the batched path even for one node: a search scores a single node only here, too
    // rarely for the JIT to compile the one-node kernel, whose vector operations then run in
    // the Vector API's slow Java fallback (it showed up as 5 % of a query's time).
    batch[0] = node;
    scorer.scoreAll(batch, 1, scores);
    float best = scores[0];
    for (int level = entry.level; level > 0; level--) {
      // Greedy: move to a better neighbour while there is one. Each layer is its own walk, so
      // the visited marks start afresh; those of the last one carry into layer 0.
      for (boolean moved = true; moved; ) {
        moved = false;
        nextSearch();
        visitedIn[node] = search;
        int n = unvisited(level, node);
        if (n == 0) {
          continue;
        }
        scorer.scoreAll(batch, n, scores);
        for (int i = 0; i < n; i++) {
          if (scores[i] > best) {
            best = scores[i];
            node = batch[i];
            moved = true;
          }
        }
      }
    }
    nextSearch();
    visitedIn[node] = search;
    candidates.push(node, best);
    if (accept == null || accept.test(node)) {
      beam.push(node, best);
    }
    while (candidates.size() > 0) {
      float score = candidates.topScore();
      if (beam.size() >= width && score < beam.topScore()) {
        break;
      }
      int expanded = candidates.topNode();
      candidates.pop();
      int n = unvisited(0, expanded);
      if (n == 0) {
        continue;
      }
      scorer.scoreAll(batch, n, scores);
      for (int i = 0; i < n; i++) {
        float s = scores[i];
        if (beam.size() < width || s > beam.topScore()) {
          candidates.push(batch[i], s);
          if (accept == null || accept.test(batch[i])) {
            beam.push(batch[i], s);
            if (beam.size() > width) {
              beam.pop();
            }
          }
        }
      }
    }
    return beam;
  }

  /**
   * Collects into {@link #batch} the neighbours of {@code node} on {@code level} that this
   * search has not visited yet, marking them visited; returns how many.
   */
  private int unvisited(int level, int node) {
    int p = graph.position(level, node);
    if (p < 0) {
      return 0;
    }
    CsrGraph.Layer layer = graph.layers().get(level);
    int from = layer.offsets()[p];
    int to = layer.offsets()[p + 1];
    if (batch.length < to - from) {
      batch = new int[to - from];
      scores = new float[to - from];
    }
    int[] edges = layer.edges();
    int n = 0;
    for (int e = from; e < to; e++) {
      int neighbour = edges[e];
      if (visitedIn[neighbour] != search) {
        visitedIn[neighbour] = search;
        batch[n++] = neighbour;
      }
    }
    return n;
  }

  private void nextSearch() {
    if (++search == Integer.MAX_VALUE) {
      Arrays.fill(visitedIn, 0);
      search = 1;
    }
  }

  @Override
  public void close() {
    // Plain arrays: nothing to release.
  }
}
