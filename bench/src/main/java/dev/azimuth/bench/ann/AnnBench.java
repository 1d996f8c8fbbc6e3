package dev.azimuth.bench.ann;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The ANN benchmark's entry point: {@code java -cp azimuth-bench.jar
 * dev.azimuth.bench.ann.AnnBench MODE [options]}, one mode per subcommand.
 */
@Command(name = "AnnBench", mixinStandardHelpOptions = true,
    description = "ANN search benchmark: Azimuth through JDBC, and JVector directly.",
    subcommands = {SqlCommand.class, RawCommand.class, FilteredCommand.class,
        SyntheticCommand.class, FirstQueryCommand.class, LoadCommand.class,
        CopyLoadCommand.class, FusionCommand.class, HybridCommand.class})
public final class AnnBench implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "choose a mode: sql, raw, filtered, synthetic, first-query, load, copy, fusion or hybrid");
  }

  /** Parses the arguments, runs the mode and exits with its status. */
  public static void main(String[] args) {
    CommandLine line = new CommandLine(new AnnBench())
        .setCaseInsensitiveEnumValuesAllowed(true);
    System.exit(line.execute(args));
  }
}
