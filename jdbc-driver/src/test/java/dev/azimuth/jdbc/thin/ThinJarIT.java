package dev.azimuth.jdbc.thin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The thin client jar ({@code target/azimuth-jdbc-thin.jar}): small, free of the engine, and
 * working on its own. (A full round trip through it is the server module's SqllineIT.)
 */
class ThinJarIT {
  private static final Path JAR = Path.of("target", "azimuth-jdbc-thin.jar");
  private static final long MAX_BYTES = 10L * 1024 * 1024;

  @Test
  void isSmallAndHoldsOnlyTheRemoteClient() throws IOException {
    assertTrue(Files.exists(JAR), "package builds " + JAR.toAbsolutePath());
    assertTrue(Files.size(JAR) < MAX_BYTES, "thin jar is " + Files.size(JAR) + " bytes");
    List<String> names = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      jar.stream().filter(e -> !e.isDirectory()).map(JarEntry::getName).forEach(names::add);
    }
    for (String needed : List.of("dev/azimuth/jdbc/Driver.class",
        "dev/azimuth/jdbc/remote/RemoteDriver.class", "dev/azimuth/common/VectorText.class",
        "org/apache/calcite/avatica/remote/RemoteProtobufService.class",
        "META-INF/services/java.sql.Driver")) {
      assertTrue(names.contains(needed), needed + " is in the thin jar");
    }
    for (String name : names) {
      boolean engine = name.startsWith("org/rocksdb/") || name.startsWith("io/github/jbellis/")
          || name.startsWith("org/apache/lucene/") || name.startsWith("dev/azimuth/planner/")
          || name.startsWith("dev/azimuth/storage/") || name.startsWith("dev/azimuth/index/")
          || name.startsWith("dev/azimuth/sql/") || name.startsWith("dev/azimuth/jdbc/embedded/")
          || name.startsWith("com/google/common/") || name.contains("rocksdbjni")
          || name.startsWith("org/apache/calcite/") && !name.startsWith("org/apache/calcite/"
              + "avatica/");
      assertTrue(!engine, name + " belongs to the engine, not the thin client");
      boolean unrelocated = name.startsWith("com/fasterxml/") || name.startsWith("com/google/")
          || name.startsWith("org/apache/hc/") || name.startsWith("org/slf4j/");
      assertTrue(!unrelocated, name + " should be relocated under dev/azimuth/jdbc/shaded/");
    }
  }

  @Test
  void loadsAloneAndExplainsWhatItCannotDo() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String classes = Path.of("target", "test-classes").toAbsolutePath().toString();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", JAR.toAbsolutePath() + File.pathSeparator + classes,
        ThinJarProbe.class.getName(), "jdbc:azimuth:file:/tmp/nowhere",
        "jdbc:azimuth:remote:http://127.0.0.1:" + closedPort).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), out + err);
    String[] lines = out.strip().split("\n");
    assertEquals(2, lines.length, out + err);
    assertTrue(lines[0].startsWith("08001 ") && lines[0].contains("thin client")
        && lines[0].contains("jdbc:azimuth:remote:"), lines[0]);
    assertTrue(lines[1].startsWith("08001 could not connect to the Azimuth server at http://"
        + "127.0.0.1:" + closedPort), lines[1]);
    assertTrue(!err.contains("SLF4J"), "no logging warnings: " + err);
  }
}
