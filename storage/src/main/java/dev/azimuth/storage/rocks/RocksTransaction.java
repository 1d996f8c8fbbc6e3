package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.TableStore;
import dev.azimuth.storage.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link Transaction} over a {@link RocksDatabase}: a {@link RocksSnapshot} taken at the first
 * read or write, a {@link TableWrites} per table written, and a commit through {@link Commit}
 * checked against the snapshot's sequence. Nothing reaches RocksDB before the commit, so a
 * crash at any moment leaves the transaction either wholly written or not at all.
 */
final class RocksTransaction implements Transaction {
  private final RocksStore store;
  private final Supplier<RocksSnapshot> capture;
  private final Map<RocksTable, TableWrites> writes = new LinkedHashMap<>();
  /** Per savepoint: the mark of each table's writes when it was taken. */
  private final List<Map<RocksTable, Integer>> savepoints = new ArrayList<>();
  private RocksSnapshot snapshot;
  private boolean ended;

  /** @param capture takes a writing snapshot of the database */
  RocksTransaction(RocksStore store, Supplier<RocksSnapshot> capture) {
    this.store = store;
    this.capture = capture;
  }

  private RocksSnapshot snapshot() {
    if (ended) {
      throw new StorageException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION,
          "the transaction has ended");
    }
    if (snapshot == null) {
      snapshot = capture.get();
    }
    return snapshot;
  }

  private static RocksTable rocks(TableStore table) {
    if (!(table instanceof RocksTable t)) {
      throw new StorageException(ErrorCode.UNDEFINED_TABLE, "a table of another database");
    }
    return t;
  }

  @Override public ReadView view(TableStore table) {
    RocksTable t = rocks(table);
    RocksSnapshot s = snapshot();
    RocksReadView base = s.rocksView(t);
    TableWrites w = writes.get(t);
    return new TransactionView(s.retain(), base, w == null ? null : w.freeze());
  }

  @Override public long write(TableStore table, List<RowChange> changes) {
    RocksTable t = rocks(table);
    RocksSnapshot s = snapshot();
    TableWrites w = writes.get(t);
    if (w == null) {
      w = new TableWrites(t, s.rocksView(t));
      writes.put(t, w);
    }
    return w.write(changes);
  }

  @Override public boolean hasWrites() {
    for (TableWrites w : writes.values()) {
      if (!w.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  @Override public int savepoint() {
    Map<RocksTable, Integer> marks = new HashMap<>();
    for (TableWrites w : writes.values()) {
      marks.put(w.table(), w.mark());
    }
    savepoints.add(marks);
    return savepoints.size() - 1;
  }

  @Override public void rollbackTo(int savepoint) {
    if (savepoint < 0 || savepoint >= savepoints.size()) {
      throw new StorageException(ErrorCode.INVALID_SAVEPOINT_SPECIFICATION,
          "no savepoint " + savepoint + " in this transaction");
    }
    Map<RocksTable, Integer> marks = savepoints.get(savepoint);
    for (TableWrites w : writes.values()) {
      w.rollbackTo(marks.getOrDefault(w.table(), 0));
    }
    savepoints.subList(savepoint + 1, savepoints.size()).clear();
  }

  @Override public void release(int savepoint) {
    if (savepoint < 0 || savepoint >= savepoints.size()) {
      throw new StorageException(ErrorCode.INVALID_SAVEPOINT_SPECIFICATION,
          "no savepoint " + savepoint + " in this transaction");
    }
    savepoints.subList(savepoint, savepoints.size()).clear();
  }

  @Override public void commit() {
    if (ended) {
      throw new StorageException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION,
          "the transaction has ended");
    }
    try {
      Map<RocksTable, Commit.Changes> changes = new LinkedHashMap<>();
      for (TableWrites w : writes.values()) {
        Commit.Changes c = w.finalChanges();
        if (!c.changes().isEmpty()) {
          changes.put(w.table(), c);
        }
      }
      if (!changes.isEmpty()) {
        Commit.run(store, snapshot.sequence(), changes);
      }
    } finally {
      close();
    }
  }

  @Override public void close() {
    if (!ended) {
      ended = true;
      writes.clear();
      savepoints.clear();
      if (snapshot != null) {
        snapshot.close();
      }
    }
  }
}
