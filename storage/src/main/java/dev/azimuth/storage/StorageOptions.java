package dev.azimuth.storage;

/**
 * How a database is opened.
 *
 * @param syncWrites             whether each statement's write waits for its log record to
 *                               reach the disk (fsync). Without it an acknowledged write still
 *                               survives the death of the process, but not a crash of the
 *                               machine.
 * @param inMemory               whether to keep everything in memory and nothing on disk
 * @param sealRows               rows after which a table's growing segment is sealed (and then
 *                               indexed); smaller means cheaper exact scans of new rows but
 *                               more graphs per query
 * @param mergeFactor            how many sealed segments of similar size are merged into one in
 *                               the background, at least 2; larger means fewer rewrites but
 *                               more segments per query
 * @param maxSegmentRows         no merge produces a segment with more live rows than this
 * @param compactDeletedFraction a sealed segment with at least this fraction of deleted rows is
 *                               rewritten without them in the background, in (0, 1]
 */
public record StorageOptions(boolean syncWrites, boolean inMemory, int sealRows,
    int mergeFactor, int maxSegmentRows, double compactDeletedFraction) {
  /** Rows after which a growing segment is sealed, unless configured otherwise. */
  public static final int DEFAULT_SEAL_ROWS = 100_000;
  /** Sealed segments of one size tier merged at once, unless configured otherwise. */
  public static final int DEFAULT_MERGE_FACTOR = 10;
  /** The largest segment a merge produces, unless configured otherwise. */
  public static final int DEFAULT_MAX_SEGMENT_ROWS = 1_000_000;
  /** The deleted fraction at which a sealed segment is compacted, unless configured otherwise. */
  public static final double DEFAULT_COMPACT_DELETED_FRACTION = 0.2;

  public StorageOptions {
    if (sealRows < 1) {
      throw new IllegalArgumentException("sealRows must be positive, got " + sealRows);
    }
    if (mergeFactor < 2) {
      throw new IllegalArgumentException("mergeFactor must be at least 2, got " + mergeFactor);
    }
    if (maxSegmentRows < 1) {
      throw new IllegalArgumentException("maxSegmentRows must be positive, got "
          + maxSegmentRows);
    }
    if (!(compactDeletedFraction > 0 && compactDeletedFraction <= 1)) {
      throw new IllegalArgumentException("compactDeletedFraction must be in (0, 1], got "
          + compactDeletedFraction);
    }
  }

  /** Options with the default merge settings. */
  public StorageOptions(boolean syncWrites, boolean inMemory, int sealRows) {
    this(syncWrites, inMemory, sealRows, DEFAULT_MERGE_FACTOR, DEFAULT_MAX_SEGMENT_ROWS,
        DEFAULT_COMPACT_DELETED_FRACTION);
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
    return new StorageOptions(sync, inMemory, sealRows, mergeFactor, maxSegmentRows,
        compactDeletedFraction);
  }

  /** Seals the growing segment of a table once it holds this many rows. */
  public StorageOptions withSealRows(int rows) {
    return new StorageOptions(syncWrites, inMemory, rows, mergeFactor, maxSegmentRows,
        compactDeletedFraction);
  }

  /** Merges this many sealed segments of similar size into one. */
  public StorageOptions withMergeFactor(int factor) {
    return new StorageOptions(syncWrites, inMemory, sealRows, factor, maxSegmentRows,
        compactDeletedFraction);
  }

  /** Caps the live rows of a merged segment. */
  public StorageOptions withMaxSegmentRows(int rows) {
    return new StorageOptions(syncWrites, inMemory, sealRows, mergeFactor, rows,
        compactDeletedFraction);
  }

  /** Compacts a sealed segment once this fraction of its rows is deleted. */
  public StorageOptions withCompactDeletedFraction(double fraction) {
    return new StorageOptions(syncWrites, inMemory, sealRows, mergeFactor, maxSegmentRows,
        fraction);
  }
}
