package dev.azimuth.jdbc.embedded;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.jdbc.AzimuthUrl;
import dev.azimuth.planner.Engine;
import dev.azimuth.storage.StorageOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The engines open in this JVM, one per database, shared by every connection to it and closed
 * when the last one closes. Thread-safe.
 */
final class EngineRegistry {
  private static final Map<String, Entry> OPEN = new HashMap<>();

  /** An open engine and how many connections use it. */
  private static final class Entry {
    final Engine engine;
    int connections;

    Entry(Engine engine) {
      this.engine = engine;
    }
  }

  /** A connection's hold on an engine; release it exactly once. */
  record Lease(String key, Engine engine) {}

  private EngineRegistry() {}

  static Lease acquire(AzimuthUrl url) throws IOException {
    String key;
    StorageOptions options;
    Path dir;
    boolean sync = Boolean.parseBoolean(url.properties().getProperty("sync", "true"));
    if (url.kind() == AzimuthUrl.Kind.MEM) {
      key = "mem:" + (url.location().isEmpty() ? UUID.randomUUID() : url.location());
      options = StorageOptions.memory();
      dir = Path.of("mem");
    } else {
      dir = Path.of(url.location()).toAbsolutePath().normalize();
      Files.createDirectories(dir);
      dir = dir.toRealPath();
      key = "file:" + dir;
      options = StorageOptions.durable().withSyncWrites(sync);
    }
    options = withSegmentOptions(options, url);
    synchronized (OPEN) {
      Entry e = OPEN.get(key);
      if (e == null) {
        String imports = url.properties().getProperty("import_dir");
        e = new Entry(Engine.open(dir, options, imports == null || imports.isBlank() ? null
            : Path.of(imports.strip()).toAbsolutePath().normalize()));
        OPEN.put(key, e);
      }
      e.connections++;
      return new Lease(key, e.engine);
    }
  }

  /** Applies the URL's segment properties, each read when the database opens. */
  private static StorageOptions withSegmentOptions(StorageOptions options, AzimuthUrl url) {
    String sealRows = url.properties().getProperty("seal_rows");
    String mergeFactor = url.properties().getProperty("merge_factor");
    String maxSegmentRows = url.properties().getProperty("max_segment_rows");
    String deletedFraction = url.properties().getProperty("compact_deleted_fraction");
    if (sealRows != null) {
      options = options.withSealRows(parse("seal_rows", sealRows, 1));
    }
    if (mergeFactor != null) {
      options = options.withMergeFactor(parse("merge_factor", mergeFactor, 2));
    }
    if (maxSegmentRows != null) {
      options = options.withMaxSegmentRows(parse("max_segment_rows", maxSegmentRows, 1));
    }
    if (deletedFraction != null) {
      try {
        options = options.withCompactDeletedFraction(Double.parseDouble(deletedFraction.strip()));
      } catch (IllegalArgumentException e) {
        throw new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE,
            "compact_deleted_fraction must be a number in (0, 1], got '" + deletedFraction
                + "'");
      }
    }
    return options;
  }

  private static int parse(String property, String text, int min) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the property's name.
    }
    throw new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE, property + " must be "
        + (min == 1 ? "a positive integer" : "an integer of at least " + min) + ", got '"
        + text + "'");
  }

  static void release(Lease lease) {
    synchronized (OPEN) {
      Entry e = OPEN.get(lease.key());
      if (e == null || e.engine != lease.engine()) {
        return;
      }
      if (--e.connections == 0) {
        OPEN.remove(lease.key());
        e.engine.close();
      }
    }
  }
}
