package dev.azimuth.bench.ann;

import static java.util.Objects.requireNonNull;

/**
 * A data set as the harness uses it: base rows (row {@code i} has id {@code i}), the queries in
 * use, their exact neighbours (nearest first, at least k per query) and, when the set has them,
 * class labels of base rows and queries.
 *
 * @param name the data set's folder name, e.g. {@code fashion-mnist-784-euclidean}
 * @param table the SQL table it is loaded into
 * @param baseLabels label of each base row, or null (then the label column is NULL)
 * @param queryLabels label of each query, or null
 */
record BenchData(String name, String table, Distance distance, Vectors base, Vectors queries,
    int[][] truth, int[] baseLabels, int[] queryLabels) {
  BenchData {
    requireNonNull(name, "name");
    requireNonNull(table, "table");
    requireNonNull(distance, "distance");
    requireNonNull(base, "base");
    requireNonNull(queries, "queries");
    requireNonNull(truth, "truth");
    if (queries.dimension() != base.dimension()) {
      throw new IllegalArgumentException("queries have " + queries.dimension()
          + " dimensions, base " + base.dimension());
    }
    if (truth.length < queries.count()) {
      throw new IllegalArgumentException(truth.length + " ground-truth rows for "
          + queries.count() + " queries");
    }
  }

  /** Whether rows and queries carry labels (so the {@code label = ?} filter applies). */
  boolean hasLabels() {
    return baseLabels != null && queryLabels != null;
  }

  /** Label of base row {@code id}, or null. */
  Integer baseLabel(int id) {
    return baseLabels == null ? null : baseLabels[id];
  }
}
