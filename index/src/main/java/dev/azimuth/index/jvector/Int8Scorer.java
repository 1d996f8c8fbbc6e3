package dev.azimuth.index.jvector;

import dev.azimuth.index.Metric;
import dev.azimuth.index.kernel.VectorKernels;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;

/**
 * Approximate scores of one query against a graph's {@link Int8Codes}, on the same scale as
 * {@link ArraySimilarity}'s exact ones. No reranker: the graph reranks the walk's candidates
 * itself on the full vectors. One per search.
 */
final class Int8Scorer extends NeighbourScorer
    implements ScoreFunction.ApproximateScoreFunction, SearchScoreProvider {
  private final ArraySimilarity similarity;
  private final Int8Codes codes;
  private final VectorKernels kernels;
  /** L2: {@link Int8Codes#l2Offsets}; otherwise {@link Int8Codes#dotWeights}. */
  private final float[] query;
  private final float[] rawQuery;
  private final float dotBase;
  private final float querySquaredNorm;
  private final float[] four = new float[4];

  Int8Scorer(ArraySimilarity similarity, Int8Codes codes, float[] query) {
    this.similarity = similarity;
    this.codes = codes;
    this.kernels = similarity.kernels();
    boolean l2 = similarity.metric() == Metric.L2;
    this.query = l2 ? codes.l2Offsets(query) : codes.dotWeights(query);
    this.rawQuery = query;
    this.dotBase = l2 ? 0f : codes.dotBase(query);
    this.querySquaredNorm = similarity.squaredNormOf(query);
  }

  @Override
  public float similarityTo(int node) {
    int offset = node * codes.dimension();
    return switch (similarity.metric()) {
      case L2 -> 1f / (1f + kernels.codesSquaredL2(query, codes.scale(), codes.codes(), offset,
          codes.dimension()));
      default -> toScore(dotBase + kernels.codesDot(query, codes.codes(), offset,
          codes.dimension()), node);
    };
  }

  /** The score of an approximate dot product with {@code node} (COSINE or NEGATIVE_DOT). */
  private float toScore(float dot, int node) {
    return similarity.metric() == Metric.COSINE
        ? ArraySimilarity.cosineScore(VectorKernels.cosine(dot, querySquaredNorm,
            similarity.squaredNorm(node)))
        : ArraySimilarity.dotScore(dot);
  }

  /** Four at a time; a short last group repeats its first node, whose vector is in cache. */
  @Override
  void scoreAll(int[] batch, int n, float[] scores) {
    int dimension = codes.dimension();
    byte[] c = codes.codes();
    for (int i = 0; i < n; i += 4) {
      int o0 = batch[i] * dimension;
      int o1 = i + 1 < n ? batch[i + 1] * dimension : o0;
      int o2 = i + 2 < n ? batch[i + 2] * dimension : o0;
      int o3 = i + 3 < n ? batch[i + 3] * dimension : o0;
      switch (similarity.metric()) {
        case L2 -> kernels.codesSquaredL2x4(query, codes.scale(), c, o0, o1, o2, o3, dimension,
            four);
        case COSINE, NEGATIVE_DOT -> kernels.codesDotx4(query, c, o0, o1, o2, o3, dimension,
            four);
        case L1 -> throw new IllegalStateException("graph indexes do not support L1");
      }
      for (int j = 0; j < 4 && i + j < n; j++) {
        scores[i + j] = similarity.metric() == Metric.L2 ? 1f / (1f + four[j])
            : toScore(dotBase + four[j], batch[i + j]);
      }
    }
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
    return ExactScorer.forQuery(similarity, rawQuery);
  }
}
