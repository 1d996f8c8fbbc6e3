package dev.azimuth.shell.repl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the prompt keeps its history between sessions: {@code ~/.azimuth_history}, unless the
 * system property {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT} names
 * another file (the property wins). Set to an empty value, history is kept for the session only.
 */
public final class HistoryFile {
  /** The system property naming the history file. */
  public static final String PROPERTY = "azimuth.history";
  /** The environment variable naming the history file. */
  public static final String ENVIRONMENT = "AZIMUTH_HISTORY";

  private HistoryFile() {}

  /** The history file of this process, or {@code null} for none. */
  public static Path location() {
    return location(System.getProperties(), System.getenv());
  }

  /** The history file these settings name, or {@code null} for none. */
  static Path location(Properties properties, Map<String, String> environment) {
    String named = properties.getProperty(PROPERTY, environment.get(ENVIRONMENT));
    if (named == null) {
      return Path.of(properties.getProperty("user.home", "."), ".azimuth_history");
    }
    return named.isBlank() ? null : Path.of(named);
  }
}
