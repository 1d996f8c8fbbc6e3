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
    String sealRows = url.properties().getProperty("seal_rows");
    if (sealRows != null) {
      try {
        options = options.withSealRows(Integer.parseInt(sealRows.strip()));
      } catch (IllegalArgumentException e) {
        throw new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE,
            "seal_rows must be a positive integer, got '" + sealRows + "'");
      }
    }
    synchronized (OPEN) {
      Entry e = OPEN.get(key);
      if (e == null) {
        e = new Entry(Engine.open(dir, options));
        OPEN.put(key, e);
      }
      e.connections++;
      return new Lease(key, e.engine);
    }
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
