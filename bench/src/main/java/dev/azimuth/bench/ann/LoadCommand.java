package dev.azimuth.bench.ann;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Mode {@code load}: only loads a set into its work database and reports rows per second. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Load a data set into its database under --work through JDBC (batches of "
        + "1000, sync=false) and report rows/s; no index. Prepares first-query.")
final class LoadCommand extends ModeCommand {
  @Mixin
  Options.Data data;

  @Option(names = "--reload", description = "Drop and reload the table even if complete.")
  boolean reload;

  @Override
  String title() {
    return "load: " + data.set.name().toLowerCase(Locale.ROOT);
  }

  @Override
  String timing() {
    return null;
  }

  @Override
  void run(Report report) throws Exception {
    BenchData d = data.load(common, 1);
    SqlBenchmark.Settings settings = new SqlBenchmark.Settings(dbDir(d),
        new IndexSpec(IndexSpec.Kind.NONE, 0, 0, 0), List.of(), SqlBenchmark.EfVia.SET, reload,
        false, 1, 0);
    new SqlBenchmark(d, settings, report).run(List.of(), f -> d.truth());
  }
}
