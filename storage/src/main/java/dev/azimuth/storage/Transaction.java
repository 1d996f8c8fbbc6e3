package dev.azimuth.storage;

import java.util.List;

/**
 * A unit of work with snapshot isolation: it reads every table as of one moment (its snapshot,
 * taken at its first read or write) plus its own writes, which are held in memory, invisible
 * to everyone else, until {@link #commit}. Commit writes them all at once, atomically and
 * durably, unless another transaction has committed a write to one of the same rows since the
 * snapshot: then nothing is written and commit fails with SERIALIZATION_FAILURE (40001). Holds
 * no locks: other writers, index builds and merges never wait for it.
 *
 * <p>Confined to one thread at a time, as a connection is; views it hands out may be read from
 * several threads (a hybrid search's inputs).
 */
public interface Transaction extends AutoCloseable {
  /**
   * The table as this transaction sees it now: the snapshot plus the writes made so far. Later
   * writes do not show in a view already open. The caller closes it.
   */
  ReadView view(TableStore table);

  /**
   * Adds one statement's changes to the transaction, checked as {@link TableStore#apply} checks
   * them (types, NOT NULL, duplicate keys) against the snapshot plus the writes so far: all of
   * them or, if any fails, none.
   *
   * @return the number of rows inserted, updated or deleted
   */
  long write(TableStore table, List<RowChange> changes);

  /** Whether the transaction holds any write. */
  boolean hasWrites();

  /** A mark of the writes so far, for {@link #rollbackTo}. */
  int savepoint();

  /**
   * Forgets every write made since {@code savepoint} was taken; it stays valid, later marks
   * become invalid.
   */
  void rollbackTo(int savepoint);

  /** Forgets the mark {@code savepoint} and every later one; the writes stay. */
  void release(int savepoint);

  /**
   * Writes everything as one atomic, durable write and ends the transaction.
   *
   * @throws StorageException SERIALIZATION_FAILURE if another transaction committed a write to
   *     a row this one wrote after this one's snapshot (nothing is written then), or what
   *     writing fails with; the transaction is over either way
   */
  void commit();

  /** Ends the transaction; what it did not commit is forgotten. Idempotent. */
  @Override
  void close();
}
