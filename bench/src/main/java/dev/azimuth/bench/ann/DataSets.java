package dev.azimuth.bench.ann;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Loads a {@link BenchData} from the shared data folder, or generates the synthetic one. */
final class DataSets {
  /** Recall is @10; every ground-truth row must hold at least this many neighbours. */
  static final int K = 10;

  private DataSets() {}

  /**
   * Loads a named set with its first {@code queryLimit} queries.
   *
   * @param data the shared data folder (holding {@code fashion-mnist-784-euclidean/} etc.)
   * @param work where the synthetic set's ground truth is cached
   * @param querySet which WordNet query set: {@code definition} or {@code term}
   */
  static BenchData load(DataSetName name, Path data, Path work, int queryLimit, String querySet,
      Synthetic.Spec synthetic) {
    return switch (name) {
      case FASHION -> fashion(data.resolve(name.folder()), queryLimit);
      case WORDNET -> wordnet(data.resolve(name.folder()), queryLimit, querySet);
      case SYNTHETIC -> synthetic.generate(work, queryLimit);
    };
  }

  /** The work sub-folder of a set: its database and cached ground truth. */
  static Path workFolder(Path work, BenchData data) {
    return work.resolve(data.name());
  }

  private static BenchData fashion(Path dir, int queryLimit) {
    requireFolder(dir);
    Vectors base = VecFiles.readVectors(dir.resolve("base.bvecs"), Integer.MAX_VALUE);
    Vectors queries = VecFiles.readVectors(dir.resolve("query.bvecs"), queryLimit);
    int[][] truth = VecFiles.readInts(dir.resolve("groundtruth.ivecs"), queries.count());
    DataSetName n = DataSetName.FASHION;
    BenchData set = new BenchData(n.folder(), n.table(), n.distance(), base,
        queries, truth, VecFiles.readLines(dir.resolve("base_labels.txt"), base.count()),
        VecFiles.readLines(dir.resolve("query_labels.txt"), queries.count()));
    checkDistances(set, dir.resolve("groundtruth_distances.fvecs"));
    return set;
  }

  private static BenchData wordnet(Path dir, int queryLimit, String querySet) {
    requireFolder(dir);
    String qs = querySet.toLowerCase(Locale.ROOT);
    Vectors base = VecFiles.readVectors(dir.resolve("base.fvecs"), Integer.MAX_VALUE);
    Vectors queries = VecFiles.readVectors(dir.resolve("query_" + qs + ".fvecs"), queryLimit);
    int[][] truth = VecFiles.readInts(dir.resolve("groundtruth_" + qs + ".ivecs"), queries.count());
    DataSetName n = DataSetName.WORDNET;
    BenchData set = new BenchData(n.folder(), n.table(), n.distance(), base,
        queries, truth, null, null);
    checkDistances(set, dir.resolve("groundtruth_" + qs + "_distances.fvecs"));
    return set;
  }

  /**
   * Checks the readers and the float64 distances against the shipped ground-truth distances of
   * the first queries: they must agree to 1e-4 (relative, or absolute near zero).
   */
  private static void checkDistances(BenchData set, Path distancesFile) {
    int n = Math.min(20, set.queries().count());
    int[][] shipped = VecFiles.readInts(distancesFile, n);
    for (int q = 0; q < n; q++) {
      float[] query = set.queries().vector(q);
      for (int j : new int[] {0, K - 1}) {
        double expected = Float.intBitsToFloat(shipped[q][j]);
        double actual = set.distance().toRow(query, set.base(), set.truth()[q][j]);
        if (Math.abs(actual - expected) > 1e-4 * Math.max(1, Math.abs(expected))) {
          throw new IllegalStateException(String.format(Locale.ROOT,
              "%s: query %d, neighbour %d: distance %.6f here, %.6f in %s", set.name(), q, j,
              actual, expected, distancesFile.getFileName()));
        }
      }
    }
  }

  /** The first {@code limit} queries of a shipped set alone (no base, no ground truth). */
  static Vectors queries(DataSetName name, Path data, int limit, String querySet) {
    if (name == DataSetName.SYNTHETIC) {
      throw new IllegalArgumentException("first-query needs a shipped set: fashion or wordnet");
    }
    Path dir = data.resolve(name.folder());
    requireFolder(dir);
    return switch (name) {
      case FASHION -> VecFiles.readVectors(dir.resolve("query.bvecs"), limit);
      case WORDNET -> VecFiles.readVectors(
          dir.resolve("query_" + querySet.toLowerCase(Locale.ROOT) + ".fvecs"), limit);
      case SYNTHETIC -> throw new AssertionError(name);
    };
  }

  /** The labels of the first {@code limit} queries, or null when the set has none. */
  static int[] queryLabels(DataSetName name, Path data, int limit) {
    return name == DataSetName.FASHION
        ? VecFiles.readLines(data.resolve(name.folder()).resolve("query_labels.txt"), limit)
        : null;
  }

  private static void requireFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("data folder " + dir + " not found; pass --data DIR");
    }
  }
}
