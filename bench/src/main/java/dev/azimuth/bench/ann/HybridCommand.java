package dev.azimuth.bench.ann;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mode {@code hybrid}: retrieval quality of vector search, BM25, RRF and weighted fusion on the
 * labelled text sets (Fiori documentation, WordNet), and on WordNet the latency of a
 * three-input RRF and of each input alone; everything through the embedded JDBC driver.
 */
@Command(name = "hybrid", mixinStandardHelpOptions = true,
    description = "Hybrid search through JDBC: recall@10, nDCG@10 and MRR@10 of vector-only "
        + "(HNSW, cosine), BM25-only (FULLTEXT), RRF and weighted fusion on the Fiori and "
        + "WordNet sets, per FULLTEXT analyzer; then on WordNet p50/p99 and QPS of each input "
        + "alone, of RRF over vector, BM25 and filtered vector search, and of the issue's "
        + "statement joined back to the table.")
final class HybridCommand extends ModeCommand {
  @Option(names = "--sets", split = ",", paramLabel = "NAME,...", hideParamSyntax = true,
      description = "fiori and/or wordnet (default: fiori,wordnet).")
  List<String> sets = List.of("fiori", "wordnet");

  @Option(names = "--query-sets", split = ",", paramLabel = "NAME,...", hideParamSyntax = true,
      description = "WordNet query sets: definition and/or term (default: definition,term).")
  List<String> querySets = List.of("definition", "term");

  @Option(names = {"-q", "--queries"}, paramLabel = "N",
      description = "Score only the first N labelled queries of each set (default: all).")
  int queries = Integer.MAX_VALUE;

  @Option(names = "--depth", paramLabel = "K",
      description = "Each input's LIMIT (default: ${DEFAULT-VALUE}).")
  int depth = 100;

  @Option(names = "--ef", paramLabel = "N",
      description = "ef_search of the vector searches (default: ${DEFAULT-VALUE}).")
  int ef = 40;

  @Option(names = "--rrf-k", paramLabel = "K",
      description = "RRF's k (default: ${DEFAULT-VALUE}).")
  int rrfK = 60;

  @Option(names = "--weights", split = ",", paramLabel = "V:T,...", hideParamSyntax = true,
      description = "Weighted fusions, each vector:BM25 weights (default: 0.5:0.5,0.7:0.3).")
  List<String> weights = List.of("0.5:0.5", "0.7:0.3");

  @Option(names = "--analyzers", split = ",", paramLabel = "NAME,...", hideParamSyntax = true,
      description = "FULLTEXT analyzers to evaluate, each in turn; the first is also the one "
          + "timed (default: english,standard).")
  List<String> analyzers = List.of("english", "standard");

  @Option(names = "--no-grid", description = "Skip the RRF grid over depth and k (computed "
      + "from the inputs' lists, to explain the result; no extra SQL).")
  boolean noGrid;

  @Option(names = "--latency-queries", paramLabel = "N",
      description = "WordNet definition queries timed per statement; 0 skips the latency "
          + "part (default: ${DEFAULT-VALUE}).")
  int latencyQueries = 1000;

  @Option(names = "--filter-below", paramLabel = "N",
      description = "The filtered input keeps rows with r < N, r in 0..999 (default: "
          + "${DEFAULT-VALUE}).")
  int filterBelow = 500;

  @Option(names = "--m", description = "HNSW m (default: ${DEFAULT-VALUE}).")
  int m = 16;

  @Option(names = "--ef-construction", paramLabel = "N",
      description = "HNSW ef_construction (default: ${DEFAULT-VALUE}).")
  int efConstruction = 64;

  @Option(names = "--reload", description = "Drop and reload the tables even if complete.")
  boolean reload;

  @Option(names = "--rebuild-index", description = "Rebuild the HNSW index even if READY.")
  boolean rebuildIndex;

  @Override
  String title() {
    return "hybrid: " + String.join(", ", sets);
  }

  @Override
  Path defaultResults() {
    return Locations.results("hybrid.md");
  }

  @Override
  String timing() {
    return "quality: one untimed pass per labelled query and retriever. Latency: one client "
        + "thread, prepared statements, " + (common.noWarmup ? "no warm-up pass" : "a warm-up "
        + "pass over the queries") + ", then " + (common.timedPasses > 1 ? "the fastest of "
        + common.timedPasses + " timed passes" : "one timed pass") + " per statement; "
        + "`fusion_parallel` at its default (true).";
  }

  @Override
  void run(Report report) throws Exception {
    List<double[]> weightings = weights.stream().map(HybridCommand::weighting).toList();
    HybridQuality.Settings settings = new HybridQuality.Settings(depth, rrfK, weightings);
    report.add(String.format(Locale.ROOT, "Inputs of LIMIT %d, `ef_search` %d, HNSW m = %d, "
        + "ef_construction = %d; RRF k = %d; weighted fusions (vector, BM25): %s; analyzers "
        + "%s. Load average at the start: %.2f.%n", depth, ef, m, efConstruction, rrfK,
        String.join(", ", weights), String.join(", ", analyzers), loadAverage()));
    MarkdownTable quality = new MarkdownTable("set", "scored queries", "analyzer", "retriever",
        "recall@10", "nDCG@10", "MRR@10");
    MarkdownTable why = new MarkdownTable("set", "analyzer", "relevant in vector top " + depth,
        "in BM25 top " + depth, "in either", "BM25 empty", "fused ≠ reference", "rounding only");
    MarkdownTable grid = new MarkdownTable("set", "analyzer", "depth", "RRF k", "recall@10",
        "nDCG@10", "MRR@10");
    List<String> verdicts = new ArrayList<>();
    for (String set : sets) {
      List<HybridCorpus> corpora = corpora(set);
      HybridCorpus first = corpora.get(0);
      Path dir = common.work.resolve("hybrid").resolve(first.folder()).resolve("db");
      report.add("### " + set + "\n\nDatabase `" + AzimuthDb.url(dir) + "`, "
          + first.base().count() + " documents × " + first.base().dimension() + ".\n");
      try (AzimuthDb db = AzimuthDb.open(dir, new Properties())) {
        HybridTable table = new HybridTable(db, first, report);
        boolean loaded = table.prepare(reload);
        table.vectorIndex(new IndexSpec(IndexSpec.Kind.HNSW, m, efConstruction, 0),
            loaded || rebuildIndex);
        db.setEfSearch(ef);
        HybridQuality evaluation = new HybridQuality(db.connection(), settings);
        for (String analyzer : analyzers) {
          table.textIndex(analyzer);
          if (analyzer.equals(analyzers.get(0))) {
            explain(db, evaluation, first, report);
          }
          for (HybridCorpus corpus : corpora) {
            System.err.println("quality: " + corpus.name() + ", " + analyzer + " ...");
            HybridQuality.Outcome outcome = evaluation.evaluate(corpus);
            addQuality(quality, corpus, analyzer, outcome, analyzer.equals(analyzers.get(0)));
            addWhy(why, corpus, analyzer, outcome.diagnostics());
            verdicts.add(verdict(corpus, analyzer, outcome));
            if (!noGrid) {
              addGrid(grid, corpus, analyzer, outcome.diagnostics());
            }
          }
          if (analyzer.equals(analyzers.get(0)) && set.equals("wordnet")
              && latencyQueries > 0) {
            latency(db, first, analyzer, report);
          }
        }
      }
    }
    report.add("### Retrieval quality\n\nMeans over the queries that have a relevant document; "
        + "vector-only does not depend on the analyzer.\n");
    report.table(quality);
    report.add(String.join("\n", verdicts) + "\n");
    report.add("Why: the share of a query's relevant documents within each input's top "
        + depth + " and within their union (no fusion of these inputs can find more); "
        + "queries whose BM25 input was empty (every query word a stop word or absent); "
        + "queries whose fused top 10 from the engine differed from the fusion recomputed "
        + "here from the two input lists (RRF; then each weighting), and those where it "
        + "differed only by float32 rounding of a distance (scores within 1e-6 relative, "
        + "same rows).\n");
    report.table(why);
    if (!noGrid) {
      report.add("RRF recomputed here from the same input lists cut to `depth` rows, for other "
          + "k (not measured through SQL; the row at depth " + depth + ", k " + rrfK
          + " is the SQL RRF above whenever the reference check agreed):\n");
      report.table(grid);
    }
    report.add(String.format(Locale.ROOT, "Load average at the end: %.2f.%n", loadAverage()));
  }

  private List<HybridCorpus> corpora(String set) {
    return switch (set.toLowerCase(Locale.ROOT)) {
      case "fiori" -> List.of(HybridCorpora.fiori(common.data).firstQueries(queries));
      case "wordnet" -> querySets.stream()
          .map(qs -> HybridCorpora.wordnet(common.data, qs).firstQueries(queries)).toList();
      default -> throw new IllegalArgumentException("unknown set " + set
          + "; expected fiori or wordnet");
    };
  }

  private void explain(AzimuthDb db, HybridQuality evaluation, HybridCorpus corpus,
      Report report) throws Exception {
    HybridCorpus.Query q = corpus.queries().get(0);
    for (Map.Entry<String, String> e : evaluation.fusedStatements().entrySet()) {
      report.add(e.getKey() + ": `" + e.getValue() + "`\n");
    }
    String rrf = evaluation.fusedStatements().values().iterator().next();
    report.code(db.explain(rrf, q.vector(), q.words(), q.words()));
  }

  private void latency(AzimuthDb db, HybridCorpus corpus, String analyzer, Report report)
      throws Exception {
    List<HybridCorpus.Query> timed = corpus.queries().subList(0,
        Math.min(latencyQueries, corpus.queries().size()));
    List<HybridLatency.Statement> statements = HybridLatency.statements(depth, filterBelow);
    long passing = passing(db);
    report.add(String.format(Locale.ROOT, "#### Latency (%s queries, analyzer %s)%n%n"
        + "`r < %d` keeps %d of %d rows. Load average before: %.2f.%n", corpus.name(),
        analyzer, filterBelow, passing, corpus.base().count(), loadAverage()));
    for (HybridLatency.Statement s : statements) {
      report.add("- " + s.what() + ": `" + s.sql() + "`");
    }
    report.add("");
    HybridCorpus.Query q = timed.get(0);
    HybridLatency.Statement three = statements.get(4);
    report.code(db.explain(three.sql(), q.vector(), q.words(), q.words(), q.vector()));
    new HybridLatency(db.connection(), report).measure(statements, timed, !common.noWarmup,
        common.timedPasses);
  }

  private long passing(AzimuthDb db) throws Exception {
    try (var s = db.connection().createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM docs WHERE r < " + filterBelow)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void addQuality(MarkdownTable table, HybridCorpus corpus, String analyzer,
      HybridQuality.Outcome outcome, boolean withVector) {
    boolean firstRow = true;
    for (Map.Entry<String, RankMetrics.Mean> e : outcome.means().entrySet()) {
      boolean vector = firstRow;
      firstRow = false;
      if (vector && !withVector) {
        continue;
      }
      RankMetrics.Mean mean = e.getValue();
      table.row(corpus.name(), mean.queries(), vector ? "-" : analyzer, e.getKey(),
          SearchPass.fmt(mean.recall(), 4), SearchPass.fmt(mean.ndcg(), 4),
          SearchPass.fmt(mean.mrr(), 4));
    }
  }

  private static void addWhy(MarkdownTable table, HybridCorpus corpus, String analyzer,
      HybridQuality.Diagnostics d) {
    table.row(corpus.name(), analyzer, SearchPass.fmt(d.vectorWindow(), 4),
        SearchPass.fmt(d.textWindow(), 4), SearchPass.fmt(d.unionWindow(), 4), d.emptyText(),
        counts(d.mismatches()), counts(d.roundings()));
  }

  private static String counts(Map<String, Integer> perFusion) {
    return perFusion.values().stream().map(String::valueOf)
        .reduce((a, b) -> a + " / " + b).orElse("-");
  }

  private void addGrid(MarkdownTable table, HybridCorpus corpus, String analyzer,
      HybridQuality.Diagnostics d) {
    int[] cuts = IntStream.of(10, 20, 50, depth).filter(c -> c <= depth)
        .distinct().sorted().toArray();
    for (int cut : cuts) {
      for (int k : new int[] {1, 10, 60}) {
        RankMetrics.Mean mean = HybridQuality.rrfGrid(corpus, d.inputs(), cut, k);
        table.row(corpus.name(), analyzer, cut, k, SearchPass.fmt(mean.recall(), 4),
            SearchPass.fmt(mean.ndcg(), 4), SearchPass.fmt(mean.mrr(), 4));
      }
    }
  }

  /** A line saying whether a fusion beat both single retrievers on nDCG@10. */
  private static String verdict(HybridCorpus corpus, String analyzer,
      HybridQuality.Outcome outcome) {
    List<Map.Entry<String, RankMetrics.Mean>> rows = List.copyOf(outcome.means().entrySet());
    double single = Math.max(rows.get(0).getValue().ndcg(), rows.get(1).getValue().ndcg());
    List<String> winners = rows.subList(2, rows.size()).stream()
        .filter(e -> e.getValue().ndcg() > single).map(Map.Entry::getKey).toList();
    return String.format(Locale.ROOT, "- %s, %s: best single retriever nDCG@10 %.4f; %s.",
        corpus.name(), analyzer, single, winners.isEmpty() ? "no fusion beats it"
            : "beaten by " + String.join(", ", winners));
  }

  private static double[] weighting(String pair) {
    String[] parts = pair.split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException("--weights takes vector:BM25 pairs, not " + pair);
    }
    return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
