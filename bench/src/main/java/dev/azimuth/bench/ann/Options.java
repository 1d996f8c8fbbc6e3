package dev.azimuth.bench.ann;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The picocli option groups the modes share (mixed in with {@code @Mixin}). */
final class Options {
  private Options() {}

  /** Where data, work files and results live, and warm-up. */
  static final class Common {
    @Option(names = "--data", paramLabel = "DIR",
        description = "Shared data folder; default REPO/../shared/data, here ${DEFAULT-VALUE}.")
    Path data = Locations.data();

    @Option(names = "--work", paramLabel = "DIR",
        description = "Databases and cached ground truth; default REPO/bench/target/ann-work, "
            + "here ${DEFAULT-VALUE}.")
    Path work = Locations.work();

    @Option(names = "--results", paramLabel = "FILE",
        description = "Markdown file each run is appended to; default "
            + "REPO/bench/results/ann.md (hybrid.md for the hybrid mode).")
    Path results;

    @Option(names = "--no-warmup", description = "Skip the warm-up pass before each timed pass.")
    boolean noWarmup;

    @Option(names = "--timed-passes", paramLabel = "N",
        description = "Timed passes per configuration after the warm-up; the fastest is "
            + "reported (default: ${DEFAULT-VALUE}).")
    int timedPasses = 1;

    @Option(names = "--note", paramLabel = "TEXT",
        description = "A line added to the report's header, e.g. what the engine build is.")
    String note;
  }

  /** Which data set, how many queries, and the synthetic generator's parameters. */
  static final class Data {
    @Option(names = {"-s", "--set"}, paramLabel = "NAME",
        description = "fashion, wordnet or synthetic (default: ${DEFAULT-VALUE}).")
    DataSetName set = DataSetName.FASHION;

    @Option(names = {"-q", "--queries"}, paramLabel = "N",
        description = "Use the first N queries (default depends on the mode; at most 200 "
            + "for the synthetic set, whose ground truth is computed here).")
    Integer queries;

    @Option(names = "--query-set", paramLabel = "NAME",
        description = "WordNet queries: definition or term (default: ${DEFAULT-VALUE}).")
    String querySet = "definition";

    @Option(names = "--rows", paramLabel = "N",
        description = "Synthetic: rows (default: ${DEFAULT-VALUE}).")
    int rows = 1_000_000;

    @Option(names = "--dim", paramLabel = "D",
        description = "Synthetic: dimensions (default: ${DEFAULT-VALUE}).")
    int dimension = 128;

    @Option(names = "--clusters", paramLabel = "N",
        description = "Synthetic: Gaussian clusters (default: ${DEFAULT-VALUE}).")
    int clusters = 1000;

    @Option(names = "--sigma", paramLabel = "S",
        description = "Synthetic: noise per component around a centre (default: ${DEFAULT-VALUE}).")
    double sigma = 0.5;

    @Option(names = "--seed", paramLabel = "N",
        description = "Synthetic: seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    /** Loads the chosen set with {@code queries}, or {@code defaultQueries} when unset. */
    BenchData load(Common common, int defaultQueries) {
      // A synthetic set's ground truth is brute force over every row: keep the default small.
      int n = queries != null ? queries
          : set == DataSetName.SYNTHETIC ? Math.min(defaultQueries, 200) : defaultQueries;
      System.err.println("reading " + set.name().toLowerCase(Locale.ROOT) + " ...");
      return DataSets.load(set, common.data, common.work, n, querySet,
          new Synthetic.Spec(rows, dimension, clusters, sigma, seed));
    }
  }

  /** The index a SQL run creates. */
  static final class Index {
    @Option(names = "--index", paramLabel = "KIND",
        description = "none, hnsw or diskann (default: ${DEFAULT-VALUE}). none issues no index "
            + "statement, so the search is exact unless an earlier run left an index.")
    IndexSpec.Kind kind = IndexSpec.Kind.HNSW;

    @Option(names = "--m", description = "Graph degree m (default: ${DEFAULT-VALUE}).")
    int m = 16;

    @Option(names = "--ef-construction", paramLabel = "N",
        description = "Build beam width (default: ${DEFAULT-VALUE}).")
    int efConstruction = 64;

    @Option(names = "--pq-subspaces", paramLabel = "N",
        description = "DiskANN PQ subspaces; 0 = dimension / 2 (default: ${DEFAULT-VALUE}).")
    int pqSubspaces = 0;

    IndexSpec spec() {
      return new IndexSpec(kind, m, efConstruction, pqSubspaces);
    }
  }

  /** The ef_search sweep. */
  static final class Search {
    /** The default sweep. */
    static final List<Integer> EFS = List.of(10, 20, 40, 80, 160, 320);

    @Option(names = "--ef", split = ",", paramLabel = "N,N,...", hideParamSyntax = true,
        description = "ef_search values (default: 10,20,40,80,160,320 with an index; one pass "
            + "without SET ef_search with --index none).")
    List<Integer> efs;

    @Option(names = "--ef-via", paramLabel = "HOW",
        description = "set (SET ef_search = n) or property (connection property ef_search) "
            + "(default: ${DEFAULT-VALUE}).")
    SqlBenchmark.EfVia efVia = SqlBenchmark.EfVia.SET;

    @Option(names = "--reload", description = "Drop and reload the table even if complete.")
    boolean reload;

    @Option(names = "--ready-timeout", paramLabel = "SECONDS",
        description = "After CREATE INDEX, wait at most this long for SYS.INDEXES to show "
            + "every segment READY (default: ${DEFAULT-VALUE}).")
    long readyTimeoutSeconds = 7200;

    /** The settings of a SQL run, with the mode's default ef values. */
    SqlBenchmark.Settings settings(Path dbDir, Index index, List<Integer> defaults,
        Common common) {
      return new SqlBenchmark.Settings(dbDir, index.spec(), efs(index.kind, defaults), efVia,
          reload, !common.noWarmup, common.timedPasses, readyTimeoutSeconds);
    }

    /** The ef values to sweep, given the index kind and the mode's default. */
    List<Integer> efs(IndexSpec.Kind kind, List<Integer> defaults) {
      if (efs != null) {
        return efs;
      }
      return kind == IndexSpec.Kind.NONE ? List.of() : defaults;
    }
  }
}
