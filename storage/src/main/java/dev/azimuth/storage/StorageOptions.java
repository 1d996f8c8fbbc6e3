package dev.azimuth.storage;

/**
 * How a database is opened.
 *
 * @param syncWrites whether each statement's write waits for its log record to reach the disk
 *                   (fsync). Without it an acknowledged write still survives the death of the
 *                   process, but not a crash of the machine.
 * @param inMemory   whether to keep everything in memory and nothing on disk
 * @param sealRows   rows after which a table's growing segment is sealed (and then indexed);
 *                   smaller means cheaper exact scans of new rows but more graphs per query
 */
public record StorageOptions(boolean syncWrites, boolean inMemory, int sealRows) {
  /** Rows after which a growing segment is sealed, unless configured otherwise. */
  public static final int DEFAULT_SEAL_ROWS = 100_000;

  public StorageOptions {
    if (sealRows < 1) {
      throw new IllegalArgumentException("sealRows must be positive, got " + sealRows);
    }
  }

  /** Durable on disk: every acknowledged statement survives a power loss. */
  public static StorageOptions durable() {
    return new StorageOptions(true, false, DEFAULT_SEAL_ROWS);
  }

  /** A throwaway in-memory database. */
  public static StorageOptions memory() {
    return new StorageOptions(false, true, DEFAULT_SEAL_ROWS);
  }

  public StorageOptions withSyncWrites(boolean sync) {
    return new StorageOptions(sync, inMemory, sealRows);
  }

  /** Seals the growing segment of a table once it holds this many rows. */
  public StorageOptions withSealRows(int rows) {
    return new StorageOptions(syncWrites, inMemory, rows);
  }
}
