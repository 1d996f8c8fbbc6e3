package dev.azimuth.index.jvector;

import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.search.Neighbors;
import dev.azimuth.index.search.TopK;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.SearchResult;
import java.util.function.IntPredicate;

/**
 * An HNSW graph in memory, scoring exactly against the caller's array in place. Thread-safe:
 * each search borrows its own {@link GraphSearcher} over the shared, immutable graph.
 */
final class HnswGraph extends JVectorGraph {
  private final CsrGraph graph;
  private final ArraySimilarity similarity;
  private final SearcherPool<GraphSearcher> searchers;

  HnswGraph(GraphOptions options, CsrGraph graph, ArraySimilarity similarity) {
    super(options, similarity.dimension(), graph.size(0));
    this.graph = graph;
    this.similarity = similarity;
    this.searchers = new SearcherPool<>(() -> new GraphSearcher(graph));
  }

  @Override
  Neighbors walk(float[] query, int k, int beam, IntPredicate accept) {
    ExactScorer scorer = ExactScorer.forQuery(similarity, query);
    GraphSearcher searcher = searchers.borrow();
    SearchResult result;
    try {
      // Exact scores need no rerank, so the beam is both JVector's topK and its rerankK.
      result = searcher.search(scorer, beam, beam, NO_THRESHOLD, 0f,
          acceptedNodes(accept, null));
    } finally {
      searchers.release(searcher);
    }
    // The walk's scores rank like distances, but rounding in 1 / (1 + d²) and friends can tie
    // distinct distances: the final order comes from Metric itself.
    Metric metric = similarity.metric();
    float[] data = similarity.data();
    int dimension = dimension();
    TopK top = new TopK(k);
    for (SearchResult.NodeScore candidate : result.getNodes()) {
      int node = candidate.node;
      top.offer(metric.distance(similarity.kernels(), query, 0, data, node * dimension,
          dimension), node);
    }
    return top.neighbors();
  }

  @Override
  int ordinalAt(int i) {
    return graph.layers().get(0).nodes()[i];
  }

  @Override
  public long residentBytes() {
    return graph.ramBytesUsed() + similarity.residentBytes();
  }

  @Override
  void release() {
    searchers.close();
  }
}
