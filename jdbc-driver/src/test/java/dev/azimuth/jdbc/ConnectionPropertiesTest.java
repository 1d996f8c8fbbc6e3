package dev.azimuth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.azimuth.planner.Session;
import dev.azimuth.storage.StorageOptions;
import java.sql.DriverPropertyInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionPropertiesTest {
  private static Map<String, String> reported(Properties given) {
    Map<String, String> out = new LinkedHashMap<>();
    for (DriverPropertyInfo p : new Driver().getPropertyInfo("jdbc:azimuth:mem:x", given)) {
      out.put(p.name, p.value);
    }
    return out;
  }

  @Test
  void defaultsAreTheEngines() {
    Map<String, String> p = reported(new Properties());
    assertEquals("true", p.get("sync"));
    assertEquals(String.valueOf(Session.DEFAULT_EF_SEARCH), p.get("ef_search"));
    assertEquals(String.valueOf(StorageOptions.DEFAULT_SEAL_ROWS), p.get("seal_rows"));
    assertEquals(String.valueOf(StorageOptions.DEFAULT_MERGE_FACTOR), p.get("merge_factor"));
    assertEquals(String.valueOf(StorageOptions.DEFAULT_MAX_SEGMENT_ROWS),
        p.get("max_segment_rows"));
    assertEquals(String.valueOf(StorageOptions.DEFAULT_COMPACT_DELETED_FRACTION),
        p.get("compact_deleted_fraction"));
  }

  @Test
  void givenValuesAreEchoed() {
    Properties given = new Properties();
    given.setProperty("ef_search", "200");
    assertEquals("200", reported(given).get("ef_search"));
    assertEquals("true", reported(given).get("sync"));
  }
}
