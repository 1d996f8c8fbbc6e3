package dev.azimuth.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HistoryFileTest {
  private static Properties home(String... more) {
    Properties properties = new Properties();
    properties.setProperty("user.home", "/home/ann");
    for (int i = 0; i < more.length; i += 2) {
      properties.setProperty(more[i], more[i + 1]);
    }
    return properties;
  }

  @Test void defaultsToTheHomeDirectory() {
    assertEquals(Path.of("/home/ann/.azimuth_history"), HistoryFile.location(home(), Map.of()));
  }

  @Test void environmentThenPropertyOverrideIt() {
    Map<String, String> env = Map.of(HistoryFile.ENVIRONMENT, "/tmp/env_history");
    assertEquals(Path.of("/tmp/env_history"), HistoryFile.location(home(), env));
    assertEquals(Path.of("/tmp/prop_history"),
        HistoryFile.location(home(HistoryFile.PROPERTY, "/tmp/prop_history"), env));
  }

  @Test void anEmptyValueKeepsNoFile() {
    assertNull(HistoryFile.location(home(HistoryFile.PROPERTY, ""), Map.of()));
    assertNull(HistoryFile.location(home(), Map.of(HistoryFile.ENVIRONMENT, " ")));
  }
}
