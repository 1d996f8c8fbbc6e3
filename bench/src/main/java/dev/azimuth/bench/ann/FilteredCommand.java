package dev.azimuth.bench.ann;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Mode {@code filtered}: top-k with a WHERE clause of 50%, 10%, 1% and 0.1% selectivity, scored
 * against ground truth computed here over the qualifying rows (cached under the work folder).
 */
@Command(name = "filtered", mixinStandardHelpOptions = true,
    description = "Filtered top-k through JDBC: WHERE r < 500 (50%%), label = ? (10%%, the "
        + "query's own label), r < 10 (1%%), r = 7 (0.1%%). Ground truth is exact, computed here "
        + "for the first --queries queries (default 500) and cached under --work.")
final class FilteredCommand extends ModeCommand {
  @Mixin
  Options.Data data;

  @Mixin
  Options.Index index;

  @Mixin
  Options.Search search;

  @Option(names = "--filters", split = ",", paramLabel = "F,F,...", hideParamSyntax = true,
      description = "Which of NONE, HALF, LABEL, ONE_PERCENT, TENTH_PERCENT "
          + "(default: all but NONE).")
  List<Filter> filters;

  @Override
  String title() {
    return "filtered: " + data.set.name().toLowerCase(Locale.ROOT);
  }

  @Override
  void run(Report report) throws Exception {
    BenchData d = data.load(common, 500);
    List<Filter> chosen = new ArrayList<>(filters != null ? filters
        : List.of(Filter.HALF, Filter.LABEL, Filter.ONE_PERCENT, Filter.TENTH_PERCENT));
    if (!d.hasLabels() && chosen.remove(Filter.LABEL)) {
      report.add(d.name() + " has no labels: the `label = ?` filter is skipped.\n");
    }
    report.add("`r` is a pseudo-random bucket 0..999 of the id (SplitMix64 finalizer mod 1000, "
        + "see `Buckets`); ground truth: exact float64 over the qualifying rows, first "
        + d.queries().count() + " queries.\n");
    SqlBenchmark.Settings settings =
        search.settings(dbDir(d), index, Options.Search.EFS, common);
    new SqlBenchmark(d, settings, report).run(chosen, f -> truth(d, f));
  }

  /** The shipped ground truth without a filter; otherwise computed (or read from the cache). */
  private int[][] truth(BenchData d, Filter f) {
    if (f == Filter.NONE) {
      return d.truth();
    }
    // "b1": the version of Buckets' formula; change it if the formula ever changes.
    Path file = DataSets.workFolder(common.work, d).resolve("truth-" + f.name().toLowerCase(
        Locale.ROOT) + "-b1-k" + DataSets.K + "-q" + d.queries().count() + ".ivecs");
    return ExactTruth.cached(file, d.base(), d.queries(), d.distance(), DataSets.K,
        q -> f.accepts(d, q));
  }
}
