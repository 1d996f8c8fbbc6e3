package dev.azimuth.planner.fusion;

/**
 * How weighted fusion maps one input's scores onto [0, 1], larger meaning better, before it
 * weighs them: per metric, as Milvus's WeightedRanker does, so that an unbounded distance and a
 * bounded similarity can be added. The arctangent squashes unbounded values monotonically.
 */
public enum ScoreNormalization {
  /** L2 distance d ≥ 0, smaller is better: {@code 1 − 2·atan(d)/π}. */
  L2_DISTANCE {
    @Override public double normalize(double d) {
      return 1 - 2 * Math.atan(d) / Math.PI;
    }
  },
  /** Cosine distance d = 1 − cos in [0, 2], smaller is better: {@code 1 − d/2 = (1 + cos)/2}. */
  COSINE_DISTANCE {
    @Override public double normalize(double d) {
      return 1 - d / 2;
    }
  },
  /** Inner product, larger is better, any sign: {@code 0.5 + atan(ip)/π}. */
  INNER_PRODUCT {
    @Override public double normalize(double ip) {
      return 0.5 + Math.atan(ip) / Math.PI;
    }
  },
  /** Negative inner product (pgvector's {@code <#>}), smaller is better: {@code 0.5 − atan(d)/π}. */
  NEGATIVE_INNER_PRODUCT {
    @Override public double normalize(double d) {
      return 0.5 - Math.atan(d) / Math.PI;
    }
  },
  /** L1 (Manhattan) distance d ≥ 0, smaller is better: {@code 1 − 2·atan(d)/π}, as L2. */
  L1_DISTANCE {
    @Override public double normalize(double d) {
      return 1 - 2 * Math.atan(d) / Math.PI;
    }
  },
  /** BM25 score s ≥ 0, larger is better: {@code 2·atan(s)/π}. */
  BM25 {
    @Override public double normalize(double s) {
      return 2 * Math.atan(s) / Math.PI;
    }
  };

  /** The score on [0, 1], larger meaning better. */
  public abstract double normalize(double score);
}
