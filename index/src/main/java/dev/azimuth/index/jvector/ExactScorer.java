package dev.azimuth.index.jvector;

import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;

/**
 * Exact scores of one query against the stored vectors, read in place: the search hot path
 * copies no vector. It is its own {@link SearchScoreProvider} with no reranker, because exact
 * scores need none; one object per search or per inserted node, so it needs no locking.
 */
final class ExactScorer extends NeighbourScorer
    implements ScoreFunction.ExactScoreFunction, SearchScoreProvider {
  private final ArraySimilarity similarity;
  private final float[] query;
  private final int queryOffset;
  private final float querySquaredNorm;
  private final float[] four = new float[4];

  private ExactScorer(
      ArraySimilarity similarity, float[] query, int queryOffset, float querySquaredNorm) {
    this.similarity = similarity;
    this.query = query;
    this.queryOffset = queryOffset;
    this.querySquaredNorm = querySquaredNorm;
  }

  /** Scores against stored vector {@code node}, e.g. while inserting it. */
  static ExactScorer forNode(ArraySimilarity similarity, int node) {
    return new ExactScorer(similarity, similarity.data(), node * similarity.dimension(),
        similarity.squaredNorm(node));
  }

  /** Scores against an outside query of the stored dimension. */
  static ExactScorer forQuery(ArraySimilarity similarity, float[] query) {
    return new ExactScorer(similarity, query, 0, similarity.squaredNormOf(query));
  }

  @Override
  public float similarityTo(int node) {
    return similarity.similarity(query, queryOffset, querySquaredNorm, node);
  }

  @Override
  void scoreAll(int[] nodes, int n, float[] out) {
    similarity.similarities(query, queryOffset, querySquaredNorm, nodes, n, out, four);
  }

  @Override
  public ScoreFunction scoreFunction() {
    return this;
  }

  @Override
  public ScoreFunction.ExactScoreFunction reranker() {
    return null;
  }

  @Override
  public ScoreFunction.ExactScoreFunction exactScoreFunction() {
    return this;
  }
}
