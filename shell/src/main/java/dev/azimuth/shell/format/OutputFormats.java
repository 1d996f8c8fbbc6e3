package dev.azimuth.shell.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry of output formats by name: the one place a new format is added. */
public final class OutputFormats {
  private static final Map<String, OutputFormat> BY_NAME =
      register(new TableFormat(), new CsvFormat(), new JsonFormat());

  private OutputFormats() {}

  private static Map<String, OutputFormat> register(OutputFormat... formats) {
    Map<String, OutputFormat> map = new LinkedHashMap<>();
    for (OutputFormat format : formats) {
      if (map.put(format.name(), format) != null) {
        throw new IllegalStateException("two output formats are named " + format.name());
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** The format named {@code name} (exact, lower-case), if there is one. */
  public static Optional<OutputFormat> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The names of all formats, the default first. */
  public static Set<String> names() {
    return BY_NAME.keySet();
  }

  /** The format used when none is chosen. */
  public static OutputFormat defaultFormat() {
    return BY_NAME.get(TableFormat.NAME);
  }
}
