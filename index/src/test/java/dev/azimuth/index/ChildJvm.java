package dev.azimuth.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a fresh JVM with chosen flags, for tests of start-up-time choices. */
public final class ChildJvm {
  private ChildJvm() {}

  /** What the child printed (stdout and stderr interleaved) and how it exited. */
  public record Result(int exitCode, String output) {}

  /** Runs {@code main} on this JVM's java and class path with exactly the given JVM flags. */
  public static Result run(Class<?> main, String... jvmFlags)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmFlags));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    // Output goes to a file so that a hung child cannot block us on a full pipe.
    Path log = Files.createTempFile("azimuth-child-jvm", ".log");
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("child JVM did not exit within 60 s: " + command);
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
