package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.StorageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes the changes of one statement or one transaction, to one table or several, as one
 * RocksDB batch: atomic and durable together, published to readers together. Stateless.
 */
final class Commit {
  /**
   * One table's changes, the validated row of each (null for deletions), and the definition
   * they were validated against: if the table has another by the commit, it fails (40001).
   */
  record Changes(List<RowChange> changes, List<Object[]> rows,
      dev.azimuth.storage.TableDef validatedAgainst) {}

  private Commit() {}

  /**
   * Locks the tables (in id order, so that commits never deadlock), checks for write
   * conflicts, resolves keys, writes one batch and publishes it.
   *
   * @param readSequence the sequence of the snapshot the changes were computed from, or -1 if
   *     they were not (an INSERT of literal rows): then no conflict check is made
   * @return the rows affected in each table
   * @throws StorageException SERIALIZATION_FAILURE for a write conflict, or what a key check or
   *     the write fails with; nothing is written then
   */
  static Map<RocksTable, Long> run(RocksStore store, long readSequence,
      Map<RocksTable, Changes> byTable) {
    List<RocksTable> tables = new ArrayList<>(byTable.keySet());
    tables.sort(Comparator.comparingLong(t -> t.definition().id()));
    List<RocksTable> locked = new ArrayList<>(tables.size());
    try {
      for (RocksTable t : tables) {
        t.lock();
        locked.add(t);
      }
      if (readSequence >= 0) {
        for (RocksTable t : tables) {
          t.checkConflicts(keys(t, byTable.get(t)), readSequence);
        }
      }
      Map<RocksTable, RocksTable.PreparedWrite> prepared = new IdentityHashMap<>();
      try (WriteBatch batch = new WriteBatch()) {
        try {
          for (RocksTable t : tables) {
            Changes c = byTable.get(t);
            prepared.put(t, t.prepare(batch, c.changes(), c.rows(), c.validatedAgainst()));
          }
          long sequence = store.gate().publish(() -> {
            store.write(batch);
            for (RocksTable t : tables) {
              t.publish(prepared.get(t));
            }
          });
          Map<RocksTable, Long> affected = new IdentityHashMap<>();
          for (RocksTable t : tables) {
            t.committed(prepared.get(t), sequence);
            affected.put(t, prepared.get(t).affected());
          }
          return affected;
        } catch (RuntimeException | RocksDBException e) {
          for (RocksTable.PreparedWrite p : prepared.values()) {
            // Only reached before publication: a failed write publishes nothing.
            p.rollback();
          }
          if (e instanceof RocksDBException r) {
            throw new StorageException(ErrorCode.IO_ERROR, "could not write to table "
                + tables.get(0).definition().name() + ": " + r.getMessage(), r);
          }
          throw (RuntimeException) e;
        }
      }
    } finally {
      for (RocksTable t : locked) {
        t.unlock();
      }
    }
  }

  /** Every key the changes write: new rows' keys, and the old keys of updates and deletions. */
  private static List<Object> keys(RocksTable table, Changes c) {
    int pk = table.definition().primaryKey();
    List<Object> keys = new ArrayList<>(c.changes().size());
    for (int i = 0; i < c.changes().size(); i++) {
      switch (c.changes().get(i)) {
        case RowChange.Delete d -> keys.add(d.key());
        case RowChange.Update u -> {
          keys.add(u.oldKey());
          keys.add(c.rows().get(i)[pk]);
        }
        default -> keys.add(c.rows().get(i)[pk]);
      }
    }
    return keys;
  }
}
