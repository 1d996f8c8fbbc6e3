package dev.azimuth.bench.ann;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What a result was measured on, and this process's memory (heap after GC, RSS). */
final class Machine {
  private Machine() {}

  /** Markdown bullet lines: processors, CPU model, memory, JDK and JVM flags. */
  static List<String> describe() {
    Runtime rt = Runtime.getRuntime();
    return List.of(
        "- machine: nproc " + rt.availableProcessors() + ", CPU `" + cpuModel() + "`, RAM "
            + procField("/proc/meminfo", "MemTotal") / 1024 / 1024 + " GiB",
        "- JDK: " + System.getProperty("java.vm.vendor") + " " + Runtime.version() + " ("
            + System.getProperty("java.vm.name") + "), max heap "
            + rt.maxMemory() / (1024 * 1024) + " MiB",
        "- JVM flags: `" + String.join(" ",
            ManagementFactory.getRuntimeMXBean().getInputArguments()) + "`");
  }

  /** The first {@code model name} of /proc/cpuinfo, or {@code unknown}. */
  static String cpuModel() {
    try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Heap bytes in use after a few full collections, so the figure is the live set. */
  static long heapUsedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Resident set size of this process in bytes (VmRSS), or -1 off Linux. */
  /** CPU time of the whole process so far, in nanoseconds, or -1 when the JVM cannot tell. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  static long rssBytes() {
    return procField("/proc/self/status", "VmRSS") * 1024;
  }

  /** Peak resident set size of this process in bytes (VmHWM), or -1 off Linux. */
  static long peakRssBytes() {
    return procField("/proc/self/status", "VmHWM") * 1024;
  }

  /** Bytes as MiB with one decimal. */
  static String mib(long bytes) {
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  /** A "Name:   123 kB" field of a /proc file, in its unit (kB), or -1 when absent. */
  private static long procField(String file, String name) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      return -1;
    }
    try (var lines = Files.lines(path)) {
      return lines.filter(l -> l.startsWith(name + ":"))
          .map(l -> l.substring(name.length() + 1).trim().split("\\s+")[0])
          .mapToLong(Long::parseLong).findFirst().orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
