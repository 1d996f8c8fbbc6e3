package dev.azimuth.index.jvector;

import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.search.Neighbors;
import dev.azimuth.index.search.TopK;
import java.util.function.IntPredicate;

/**
 * An HNSW graph in memory, walked on 8-bit codes (or the caller's array, in place) and
 * reranked exactly. Thread-safe: each search borrows its own {@link CsrSearcher} over the
 * shared, immutable graph.
 */
final class HnswGraph extends JVectorGraph {
  private final CsrGraph graph;
  private final ArraySimilarity similarity;
  /** The walk's codes, or null to walk on the full vectors. */
  private final Int8Codes codes;
  /** Codes of the leading principal components to walk on instead, or null. */
  private final ProjectedCodes projected;
  private final SearcherPool<CsrSearcher> searchers;

  HnswGraph(GraphOptions options, CsrGraph graph, ArraySimilarity similarity, Int8Codes codes) {
    this(options, graph, similarity, codes, null);
  }

  HnswGraph(GraphOptions options, CsrGraph graph, ArraySimilarity similarity, Int8Codes codes,
      ProjectedCodes projected) {
    super(options, similarity.dimension(), graph.size(0));
    this.graph = graph;
    this.similarity = similarity;
    this.codes = codes;
    this.projected = projected;
    this.searchers = new SearcherPool<>(() -> new CsrSearcher(graph));
  }

  @Override
  Neighbors walk(float[] query, int k, int beam, IntPredicate accept) {
    NeighbourScorer scorer = projected != null ? projected.scorer(query)
        : codes == null ? ExactScorer.forQuery(similarity, query)
        : new Int8Scorer(similarity, codes, query);
    CsrSearcher searcher = searchers.borrow();
    try {
      ScoreHeap found = searcher.search(scorer, beam, accept);
      // The walk's scores are approximate (codes), and even exact ones can tie distinct
      // distances through rounding in 1 / (1 + d²) and friends: the final order comes from
      // Metric itself, on the full vectors.
      Metric metric = similarity.metric();
      float[] data = similarity.data();
      int dimension = dimension();
      TopK top = new TopK(k);
      for (int i = 0; i < found.size(); i++) {
        int node = found.node(i);
        top.offer(metric.distance(similarity.kernels(), query, 0, data, node * dimension,
            dimension), node);
      }
      return top.neighbors();
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Bytes a walk reads per scored node over the 4 bytes per dimension an exact distance reads:
   * the codes are what makes walks cheap, and memory traffic is what distances cost here.
   */
  @Override
  public double walkScoreCost() {
    double exact = 4.0 * dimension();
    return projected != null ? projected.rank() / exact : codes != null ? dimension() / exact
        : 1.0;
  }

  /** Components a walk scores per node, or 0 when it does not walk on projections. */
  int walkRank() {
    return projected == null ? 0 : projected.rank();
  }

  /** Whether walks score 8-bit codes of the vectors (else projections or full vectors). */
  boolean walksOnCodes() {
    return codes != null;
  }

  /** Whether walks score codes of the vectors' principal components. */
  boolean walksOnProjections() {
    return projected != null;
  }

  @Override
  int ordinalAt(int i) {
    return graph.layers().get(0).nodes()[i];
  }

  @Override
  public long residentBytes() {
    return graph.ramBytesUsed() + similarity.residentBytes()
        + (codes == null ? 0 : codes.residentBytes())
        + (projected == null ? 0 : projected.residentBytes());
  }

  @Override
  void release() {
    searchers.close();
  }
}
