package dev.azimuth.bench.ann;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Default paths, resolved against the repository that holds the running jar
 * ({@code REPO/bench/target/azimuth-bench.jar}, or {@code REPO/bench/target/classes}), so the
 * harness finds its data wherever it is started from; the working directory otherwise.
 */
final class Locations {
  private Locations() {}

  /** The repository root: three levels above the jar or classes directory. */
  static Path repository() {
    try {
      Path code = Path.of(
          AnnBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path candidate = code.getParent() == null ? null : code.getParent().getParent();
      candidate = candidate == null ? null : candidate.getParent();
      if (candidate != null && Files.isRegularFile(candidate.resolve("bench/pom.xml"))) {
        return candidate;
      }
    } catch (URISyntaxException | SecurityException e) {
      // An unusual class loader: fall back to the working directory below.
    }
    return Path.of("").toAbsolutePath();
  }

  /**
   * The commit the repository's HEAD names (from {@code .git/HEAD} and its ref file or
   * {@code packed-refs}; in a worktree, whose {@code .git} is a file naming its git directory,
   * from that directory and the shared one), or {@code unknown}; the working tree may differ.
   */
  static String gitHead() {
    Path git = repository().resolve(".git");
    try {
      Path common = git;
      if (Files.isRegularFile(git)) {
        String pointer = Files.readString(git).trim();
        if (!pointer.startsWith("gitdir: ")) {
          return "unknown";
        }
        git = git.getParent().resolve(pointer.substring(8)).normalize();
        Path commonDir = git.resolve("commondir");
        common = Files.isRegularFile(commonDir)
            ? git.resolve(Files.readString(commonDir).trim()).normalize() : git;
      }
      String head = Files.readString(git.resolve("HEAD")).trim();
      if (!head.startsWith("ref: ")) {
        return head;
      }
      String ref = head.substring(5);
      for (Path dir : new Path[] {git, common}) {
        Path refFile = dir.resolve(ref);
        if (Files.isRegularFile(refFile)) {
          return Files.readString(refFile).trim();
        }
      }
      Path packed = common.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        try (var lines = Files.lines(packed)) {
          return lines.filter(l -> l.endsWith(" " + ref)).map(l -> l.substring(0, l.indexOf(' ')))
              .findFirst().orElse("unknown");
        }
      }
    } catch (IOException e) {
      // Not a git checkout (e.g. a copied jar): say so in the report rather than fail the run.
    }
    return "unknown";
  }

  /** {@code REPO/../shared/data}. */
  static Path data() {
    return repository().resolve("../shared/data").normalize();
  }

  /** {@code REPO/bench/target/ann-work}: databases and cached ground truth. */
  static Path work() {
    return repository().resolve("bench/target/ann-work");
  }

  /** {@code REPO/bench/results/ann.md}. */
  static Path results() {
    return results("ann.md");
  }

  /** {@code REPO/bench/results/NAME}. */
  static Path results(String name) {
    return repository().resolve("bench/results").resolve(name);
  }
}
