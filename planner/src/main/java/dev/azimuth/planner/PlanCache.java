package dev.azimuth.planner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently prepared statements by SQL text, so a statement sent again (as BI tools do) skips
 * parsing, planning and code generation. Entries carry the catalog version they were planned
 * against and are not used after a DDL. Thread-safe.
 */
final class PlanCache {
  private final Map<String, Prepared> entries;

  PlanCache(int capacity) {
    this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Prepared get(String sql, long catalogVersion) {
    Prepared p = entries.get(sql);
    return p != null && p.catalogVersion() == catalogVersion ? p : null;
  }

  synchronized void evict(String sql) {
    entries.remove(sql);
  }

  synchronized void put(Prepared prepared) {
    entries.put(prepared.sql(), prepared);
  }
}
