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
  /**
   * One bit per node id: visited in this search (of one layer). Small enough to stay in the
   * core's nearest caches, and cleared through {@link #marked} rather than whole.
   */
  private final long[] visited;
  /** The nodes whose bits are set, for clearing them. */
  private int[] marked = new int[256];
  private int markedCount;
  /** Candidates still to expand: a max-heap on score. */
  private final ScoreHeap candidates = new ScoreHeap(64, true);
  /** The beam: a min-heap on score, holding at most the beam width of accepted nodes. */
  private final ScoreHeap beam = new ScoreHeap(64, false);
  private int[] batch = new int[64];
  private float[] scores = new float[64];

  CsrSearcher(CsrGraph graph) {
    this.graph = graph;
    this.visited = new long[(Math.max(1, graph.getIdUpperBound()) + 63) >>> 6];
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
        mark(node);
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
    mark(node);
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
      if (mark(neighbour)) {
        batch[n++] = neighbour;
      }
    }
    return n;
  }

  /** Marks {@code node} visited; false when it already was. */
  private boolean mark(int node) {
    long bit = 1L << node;
    long word = visited[node >>> 6];
    if ((word & bit) != 0) {
      return false;
    }
    visited[node >>> 6] = word | bit;
    if (markedCount == marked.length) {
      marked = Arrays.copyOf(marked, markedCount * 2);
    }
    marked[markedCount++] = node;
    return true;
  }

  /** Clears the marks of the previous walk. */
  private void nextSearch() {
    for (int i = 0; i < markedCount; i++) {
      visited[marked[i] >>> 6] = 0;
    }
    markedCount = 0;
  }

  @Override
  public void close() {
    // Plain arrays: nothing to release.
  }
}
