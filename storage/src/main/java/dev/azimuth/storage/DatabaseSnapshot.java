package dev.azimuth.storage;

/**
 * Every table as of one moment: what one statement reads, so that a join of two tables never
 * sees half of another statement's write. Views are opened on first use and belong to the
 * snapshot: do not close them; close the snapshot (which pins storage) when done.
 *
 * <p>Safe for concurrent reads.
 */
public interface DatabaseSnapshot extends AutoCloseable {
  /**
   * The table as of this snapshot. A table created after it reads as empty.
   *
   * @throws StorageException UNDEFINED_TABLE if the store belongs to another database
   */
  ReadView view(TableStore table);

  @Override
  void close();
}
