package dev.azimuth.server.cli;

import dev.azimuth.jdbc.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code azimuth serve} and {@code azimuth passwd}: the server's command line (the launcher
 * script sends these two words here and everything else to the shell). Exit status 0 on
 * success, 1 when the command fails, 2 for bad arguments.
 */
@Command(name = "azimuth", mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    subcommands = {ServeCommand.class, PasswdCommand.class},
    description = "Runs the Azimuth server, or manages its users file.")
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit status. */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "name a command: serve or passwd");
  }

  /** The build's version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override public String[] getVersion() {
      return new String[] {"Azimuth " + Version.VERSION};
    }
  }
}
