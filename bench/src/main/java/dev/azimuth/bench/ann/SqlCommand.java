package dev.azimuth.bench.ann;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Mode {@code sql}: load, index, then recall@10 and QPS over ef_search through JDBC. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Azimuth through JDBC: load (or reuse) the table, CREATE INDEX, then "
        + "recall@10 and QPS for each ef_search. Default: the first 1000 queries.")
final class SqlCommand extends ModeCommand {
  @Mixin
  Options.Data data;

  @Mixin
  Options.Index index;

  @Mixin
  Options.Search search;

  @Override
  String title() {
    return "sql: " + data.set.name().toLowerCase(Locale.ROOT);
  }

  @Override
  void run(Report report) throws Exception {
    BenchData d = data.load(common, 1000);
    SqlBenchmark.Settings settings =
        search.settings(dbDir(d), index, Options.Search.EFS, common);
    new SqlBenchmark(d, settings, report).run(List.of(Filter.NONE), f -> d.truth());
  }
}
