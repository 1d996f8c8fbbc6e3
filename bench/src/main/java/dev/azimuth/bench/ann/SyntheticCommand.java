package dev.azimuth.bench.ann;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Mode {@code synthetic}: the {@code sql} mode on a generated clustered set (1M × 128). */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
    description = "The sql mode on a seeded clustered set (--rows, --dim, --clusters, --sigma, "
        + "--seed), with ground truth computed here by parallel brute force. Default: 200 "
        + "queries, ef_search 20,40,80,160.")
final class SyntheticCommand extends ModeCommand {
  @Mixin
  Options.Data data;

  @Mixin
  Options.Index index;

  @Mixin
  Options.Search search;

  @Override
  String title() {
    return "synthetic: " + data.rows + " × " + data.dimension;
  }

  @Override
  void run(Report report) throws Exception {
    data.set = DataSetName.SYNTHETIC;
    BenchData d = data.load(common, 200);
    report.add("Synthetic set `" + d.name() + "`: " + data.clusters + " Gaussian clusters with "
        + "N(0, 1) centres and sigma " + data.sigma + ", seed " + data.seed + ".\n");
    SqlBenchmark.Settings settings =
        search.settings(dbDir(d), index, List.of(20, 40, 80, 160), common);
    new SqlBenchmark(d, settings, report).run(List.of(Filter.NONE), f -> d.truth());
  }
}
