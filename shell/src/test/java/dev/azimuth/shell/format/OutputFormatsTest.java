package dev.azimuth.shell.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFormatsTest {
  @Test void registersEveryFormatByItsName() {
    assertEquals(List.of("table", "csv", "json"), List.copyOf(OutputFormats.names()));
    for (String name : OutputFormats.names()) {
      assertEquals(name, OutputFormats.byName(name).orElseThrow().name());
    }
  }

  @Test void tableIsTheDefault() {
    assertEquals("table", OutputFormats.defaultFormat().name());
  }

  @Test void unknownNamesAreEmpty() {
    assertTrue(OutputFormats.byName("xml").isEmpty());
    assertTrue(OutputFormats.byName("CSV").isEmpty());
  }
}
