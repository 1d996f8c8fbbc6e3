package dev.azimuth.storage;

import java.util.List;

/**
 * One table's rows. Writes go through {@link #apply}; reads through a {@link ReadView}.
 *
 * <p>Thread-safe. Writers to one table are serialized; readers never block writers for longer
 * than it takes to capture a view.
 */
public interface TableStore {
  TableDef definition();

  /**
   * Rows per segment: the growing segment is sealed at this size, and an {@link #insertBatch}
   * of at least this many rows writes whole sealed segments directly, the cheapest way in.
   */
  int segmentRows();

  /** Number of live rows now. */
  long rowCount();

  /**
   * Applies a statement's changes atomically and durably: all of them or, if any fails a check
   * (duplicate key, NOT NULL, type, vector dimension), none of them. Deletions (and the old rows
   * of updates) are applied before insertions, so the key checks see the statement's end state.
   *
   * @return the number of rows inserted, updated or deleted
   * @throws StorageException naming the column or key at fault
   */
  long apply(List<RowChange> changes);

  /**
   * {@link #apply(List)} for a statement that computed its changes from what it read in
   * {@code readAt}: fails, writing nothing, if another write committed after that snapshot
   * changed a row this one changes (otherwise two concurrent {@code UPDATE t SET n = n + 1}
   * would both read the old value and one increment would be lost).
   *
   * @param readAt the snapshot the statement read, or null if it read no table
   * @throws StorageException SERIALIZATION_FAILURE (40001) for such a conflict
   */
  long apply(List<RowChange> changes, DatabaseSnapshot readAt);

  /**
   * Inserts one batch of a bulk load atomically and durably, like {@link #apply} with inserts
   * only, but for rows already checked by {@link RowValidator#validate} and with the batch's
   * keys looked up together rather than one by one. Each {@link #segmentRows} rows of the batch
   * become a sealed segment of their own, written without going through the write-ahead log;
   * the rest join the growing segment.
   *
   * @return the number of rows inserted
   * @throws DuplicateKeyException if a row's key exists, or repeats an earlier row's; then
   *     nothing of the batch was written
   */
  long insertBatch(List<Object[]> validatedRows);

  /**
   * Captures a consistent view of the table as of now: later writes are invisible to it.
   * The caller must close it.
   */
  ReadView openRead();
}
