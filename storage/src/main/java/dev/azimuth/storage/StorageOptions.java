package dev.azimuth.storage;

/**
 * How a database is opened.
 *
 * @param syncWrites whether each statement's write waits for its log record to reach the disk
 *                   (fsync). Without it an acknowledged write still survives the death of the
 *                   process, but not a crash of the machine.
 * @param inMemory   whether to keep everything in memory and nothing on disk
 */
public record StorageOptions(boolean syncWrites, boolean inMemory) {
  /** Durable on disk: every acknowledged statement survives a power loss. */
  public static StorageOptions durable() {
    return new StorageOptions(true, false);
  }

  /** A throwaway in-memory database. */
  public static StorageOptions memory() {
    return new StorageOptions(false, true);
  }

  public StorageOptions withSyncWrites(boolean sync) {
    return new StorageOptions(sync, inMemory);
  }
}
