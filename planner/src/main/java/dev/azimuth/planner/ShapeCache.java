package dev.azimuth.planner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Plans by statement shape: the text with its plain-value literals lifted out
 * ({@link dev.azimuth.planner.prepare.LiteralLifter}), so that ad-hoc statements that differ only
 * in such values (BI tools send each one as fresh text) skip planning and code generation.
 * Entries carry the catalog version they were planned against and are not used after a DDL.
 * Thread-safe.
 */
final class ShapeCache {
  /**
   * What is known about one shape.
   *
   * @param plan           the shape's plan, its parameters the client's {@code ?}s followed by
   *                       the lifted literals; null when the shape must be planned with its
   *                       literals (lifting them failed validation or changed a type)
   * @param parameterTypes the type of every parameter of {@code plan}, by index
   */
  record Shape(long catalogVersion, @Nullable Prepared plan, List<RelDataType> parameterTypes) {
    static Shape literalOnly(long catalogVersion) {
      return new Shape(catalogVersion, null, List.of());
    }
  }

  private final Map<String, Shape> entries;

  ShapeCache(int capacity) {
    this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override protected boolean removeEldestEntry(Map.Entry<String, Shape> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized @Nullable Shape get(String key, long catalogVersion) {
    Shape e = entries.get(key);
    return e != null && e.catalogVersion() == catalogVersion ? e : null;
  }

  synchronized void put(String key, Shape shape) {
    entries.put(key, shape);
  }

  synchronized void evict(String key) {
    entries.remove(key);
  }
}
