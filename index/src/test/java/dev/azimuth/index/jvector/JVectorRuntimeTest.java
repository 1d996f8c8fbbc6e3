package dev.azimuth.index.jvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.index.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JVectorRuntimeTest {
  /** JVector must not have fallen back to DefaultVectorizationProvider (plain Java). */
  @Test
  void jvectorUsesItsPanamaProvider() {
    assertEquals("PanamaVectorizationProvider", JVectorRuntime.vectorizationProviderName());
    assertEquals("panama", System.getProperty(JVectorRuntime.PROVIDER_PROPERTY));
  }

  /** JVector's JMX bean would let anyone change how our graphs are built; it stays off. */
  @Test
  void turnsOffJVectorsManagementBackend() {
    JVectorRuntime.vectorizationProviderName();
    assertEquals("none", System.getProperty(JVectorRuntime.MANAGEMENT_PROPERTY));
  }

  /**
   * The build passes {@code -Djvector.vectorization_provider=panama} to test JVMs; a child
   * without it proves that the static initializer alone pins Panama (on JDK 22+ JVector picks
   * its NativeVectorizationProvider otherwise, as it did on the machine this was written on).
   */
  @Test
  void pinsPanamaWhenThePropertyIsUnset() throws Exception {
    ChildJvm.Result result = ChildJvm.run(Probe.class,
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED");
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("provider=PanamaVectorizationProvider property=panama"),
        result.output());
  }

  /** An explicit choice is the user's: the runtime must not override it. */
  @Test
  void respectsAnExplicitChoice() throws Exception {
    ChildJvm.Result result = ChildJvm.run(Probe.class, "--add-modules", "jdk.incubator.vector",
        "-Djvector.vectorization_provider=default");
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("provider=DefaultVectorizationProvider property=default"),
        result.output());
  }

  /** JVector's API changes between releases: its types stay in this one package. */
  @Test
  void jvectorIsImportedOnlyHere() throws IOException {
    Path main = Path.of("src", "main", "java");
    Path own = main.resolve(Path.of("dev", "azimuth", "index", "jvector"));
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> offenders = files
          .filter(f -> f.toString().endsWith(".java") && !f.startsWith(own))
          .filter(f -> read(f).contains("io.github.jbellis"))
          .toList();
      assertEquals(List.of(), offenders);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs in a child JVM: prints the provider JVector chose and the property it read. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      String provider = JVectorRuntime.vectorizationProviderName();
      System.out.println("provider=" + provider
          + " property=" + System.getProperty(JVectorRuntime.PROVIDER_PROPERTY));
    }
  }
}
