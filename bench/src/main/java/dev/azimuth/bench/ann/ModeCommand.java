package dev.azimuth.bench.ann;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A mode of the harness: builds its {@link Report}, runs, and appends the report to the results
 * file whether the run succeeds or fails.
 */
abstract class ModeCommand implements Callable<Integer> {
  @Mixin
  Options.Common common;

  @Spec
  CommandSpec spec;

  /** The report's heading. */
  abstract String title();

  /** The measurement itself. */
  abstract void run(Report report) throws Exception;

  @Override
  public final Integer call() throws Exception {
    Report report = new Report(common.results != null ? common.results : defaultResults(),
        title(),
        spec.commandLine().getParseResult().originalArgs(), common.note);
    String timing = timing();
    if (timing != null) {
      report.add("Timing: " + timing + "\n");
    }
    try {
      run(report);
      return 0;
    } catch (Exception e) {
      report.add("**Failed:** `" + e + "`\n");
      throw e;
    } finally {
      report.save();
    }
  }

  /** The results file when {@code --results} is not given. */
  Path defaultResults() {
    return Locations.results();
  }

  /** How the mode times its searches, for the report; null when it times none. */
  String timing() {
    return "one client thread; " + (common.noWarmup ? "no warm-up pass" : "a warm-up pass over "
        + "the queries") + ", then " + (common.timedPasses > 1 ? "the fastest of "
        + common.timedPasses + " timed passes" : "one timed pass") + " per configuration.";
  }

  /** The database folder of a data set under the work folder. */
  Path dbDir(BenchData data) {
    return DataSets.workFolder(common.work, data).resolve("db");
  }
}
