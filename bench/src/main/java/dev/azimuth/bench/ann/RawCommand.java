package dev.azimuth.bench.ann;

import io.github.jbellis.jvector.vector.types.VectorFloat;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Mode {@code raw}: the same vectors and graph parameters, with JVector called directly. */
@Command(name = "raw", mixinStandardHelpOptions = true,
    description = "JVector 4.0.2 directly, with Azimuth's HNSW parameters: build time, then "
        + "recall@10 and QPS for each ef (rerankK). Default: all queries of the set.")
final class RawCommand extends ModeCommand {
  @Mixin
  Options.Data data;

  @Option(names = "--m",
      description = "Graph degree m; layer 0 gets 2m (default: ${DEFAULT-VALUE}).")
  int m = 16;

  @Option(names = "--ef-construction", paramLabel = "N",
      description = "Build beam width (default: ${DEFAULT-VALUE}).")
  int efConstruction = 64;

  @Option(names = "--build-threads", paramLabel = "N",
      description = "Threads of each of JVector's two build pools (default: ${DEFAULT-VALUE}).")
  int threads = 2;

  @Option(names = "--ef", split = ",", paramLabel = "N,N,...", hideParamSyntax = true,
      description = "Search beam widths, rerankK (default: ${DEFAULT-VALUE}).")
  List<Integer> efs = Options.Search.EFS;

  @Override
  String title() {
    return "raw JVector: " + data.set.name().toLowerCase(Locale.ROOT);
  }

  @Override
  void run(Report report) throws Exception {
    BenchData d = data.load(common, Integer.MAX_VALUE);
    report.add("JVector 4.0.2, provider `" + RawJVector.providerName() + "`; " + d.name() + " ("
        + d.base().count() + " × " + d.base().dimension() + ", " + d.distance() + "), "
        + d.queries().count() + " queries. GraphIndexBuilder(randomAccessScoreProvider, "
        + "maxDegrees [" + 2 * m + ", " + m + "], beamWidth " + efConstruction
        + ", overflow 1.2, alpha 1.2, hierarchy, refine, ForkJoinPool(" + threads
        + ") × 2); search with DefaultSearchScoreProvider.exact, top 10, rerankK = ef.\n");
    long heapBefore = Machine.heapUsedAfterGc();
    try (RawJVector index = RawJVector.build(d.base(), d.distance(), m, efConstruction,
        threads)) {
      long heapAfter = Machine.heapUsedAfterGc();
      report.table(new MarkdownTable("measure", "value")
          .row("build time", SearchPass.fmt(index.buildNanos() / 1e9, 1) + " s")
          .row("graph", index.shape())
          .row("graph bytes (JVector's estimate)", Machine.mib(index.graphBytes()))
          .row("heap growth per vector (vectors + graph)", SearchPass.fmt(
              (heapAfter - heapBefore) / (double) d.base().count(), 1) + " B")
          .row("RSS after build", Machine.mib(Machine.rssBytes())));
      VectorFloat<?>[] queries = new VectorFloat<?>[d.queries().count()];
      for (int q = 0; q < queries.length; q++) {
        queries[q] = index.query(d.queries().vector(q));
      }
      MarkdownTable table = new MarkdownTable("ef", "recall@10", "QPS", "QPS by CPU", "p50 ms",
          "p99 ms", "<10 rows", "queries");
      for (int ef : efs) {
        SearchPass.Result result = SearchPass.run(queries.length, !common.noWarmup,
            common.timedPasses, q -> index.search(queries[q], DataSets.K, ef));
        Recall.Summary r = Recall.score(d, DataSets.K, result.ids(), d.truth(), Filter.NONE);
        table.row(ef, SearchPass.fmt(r.recall(), 4), SearchPass.fmt(result.qps(), 0),
            SearchPass.fmt(result.cpuQps(), 0),
            SearchPass.fmt(result.percentileMillis(50), 3),
            SearchPass.fmt(result.percentileMillis(99), 3), r.shortResults(), r.queries());
        System.err.printf(Locale.ROOT, "  ef=%d: recall %.4f, %.0f QPS, %.0f by CPU%n", ef,
            r.recall(), result.qps(), result.cpuQps());
      }
      report.table(table);
    }
  }
}
