package dev.azimuth.bench.ann;

/**
 * The metrics the harness measures, with their SQL operator and index option, and the float64
 * reference distance that every recall figure and every harness-computed ground truth uses.
 */
enum Distance {
  /** Euclidean distance (not squared): {@code <->}, index metric {@code 'l2'}. */
  L2("<->", "l2") {
    @Override
    double between(float[] a, int aOffset, float[] b, int bOffset, int dimension) {
      double sum = 0;
      for (int i = 0; i < dimension; i++) {
        double d = (double) a[aOffset + i] - b[bOffset + i];
        sum += d * d;
      }
      return Math.sqrt(sum);
    }
  },
  /** {@code 1 - cos(a, b)}: {@code <=>}, index metric {@code 'cosine'}. */
  COSINE("<=>", "cosine") {
    @Override
    double between(float[] a, int aOffset, float[] b, int bOffset, int dimension) {
      double dot = 0;
      double aa = 0;
      double bb = 0;
      for (int i = 0; i < dimension; i++) {
        double x = a[aOffset + i];
        double y = b[bOffset + i];
        dot += x * y;
        aa += x * x;
        bb += y * y;
      }
      return 1 - dot / Math.sqrt(aa * bb);
    }
  };

  private final String operator;
  private final String indexMetric;

  Distance(String operator, String indexMetric) {
    this.operator = operator;
    this.indexMetric = indexMetric;
  }

  /** The SQL operator, e.g. {@code <->}. */
  String operator() {
    return operator;
  }

  /** The value of the {@code metric} option of {@code CREATE INDEX}. */
  String indexMetric() {
    return indexMetric;
  }

  /** The distance in float64 between two stored vectors; smaller is nearer. */
  abstract double between(float[] a, int aOffset, float[] b, int bOffset, int dimension);

  /** The distance in float64 between {@code query} and row {@code id} of {@code base}. */
  double toRow(float[] query, Vectors base, int id) {
    return between(query, 0, base.data(), base.offset(id), base.dimension());
  }
}
