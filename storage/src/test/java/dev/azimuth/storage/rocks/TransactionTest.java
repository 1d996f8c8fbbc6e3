package dev.azimuth.storage.rocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.DatabaseSnapshot;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.RowCursor;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.StorageOptions;
import dev.azimuth.storage.TableStore;
import dev.azimuth.storage.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot isolation, own writes, conflicts, savepoints and atomic commits in storage. */
class TransactionTest {
  private static final int[] ALL = {0, 1, 2};
  private static final List<ColumnDef> COLUMNS = List.of(
      new ColumnDef(0, "ID", ColumnType.BIGINT, -1, -1, false),
      new ColumnDef(0, "N", ColumnType.INTEGER, -1, -1, true),
      new ColumnDef(0, "V", ColumnType.VECTOR, 2, -1, true));

  @TempDir
  Path dir;

  private static Object[] row(long id, int n) {
    return new Object[] {id, n, new float[] {id, n}};
  }

  private static RowChange insert(long id, int n) {
    return new RowChange.Insert(row(id, n));
  }

  /** id -> n of every row, in scan (key) order. */
  private static Map<Long, Integer> contents(ReadView view) {
    Map<Long, Integer> out = new java.util.LinkedHashMap<>();
    try (RowCursor c = view.scan(ALL)) {
      long last = Long.MIN_VALUE;
      while (c.next()) {
        Object[] r = c.values();
        long id = (Long) r[0];
        assertTrue(id > last, "key order");
        last = id;
        assertArrayEquals(new float[] {id, (Integer) r[1]}, (float[]) r[2]);
        out.put(id, (Integer) r[1]);
      }
    }
    long live = 0;
    for (SegmentView s : view.segments()) {
      for (int o = 0; o < s.size(); o++) {
        if (s.isLive(o)) {
          live++;
          Long key = (Long) s.key(o);
          assertEquals(out.get(key), s.value(1, o), "segment row " + key);
        }
      }
    }
    assertEquals(out.size(), live, "the segments hold the scanned rows");
    assertEquals(out.size(), view.rowCount());
    return out;
  }

  private static Map<Long, Integer> committed(RocksDatabase db, TableStore t) {
    try (ReadView view = t.openRead()) {
      return contents(view);
    }
  }

  private static Map<Long, Integer> seen(Transaction tx, TableStore t) {
    try (ReadView view = tx.view(t)) {
      return contents(view);
    }
  }

  @Test
  void aTransactionSeesItsSnapshotAndItsOwnWritesOnly() {
    try (RocksDatabase db = RocksDatabase.open(dir, StorageOptions.durable())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(insert(1, 10), insert(2, 20), insert(3, 30)));
      try (Transaction tx = db.begin()) {
        tx.write(t, List.of(insert(4, 40), new RowChange.Delete(1L),
            new RowChange.Update(2L, row(2, 21))));
        t.apply(List.of(insert(5, 50)));
        assertEquals(Map.of(2L, 21, 3L, 30, 4L, 40), seen(tx, t), "snapshot + own writes");
        assertEquals(Map.of(1L, 10, 2L, 20, 3L, 30, 5L, 50), committed(db, t),
            "others see nothing uncommitted");
        try (ReadView v = tx.view(t)) {
          assertNull(v.get(1L, ALL));
          assertEquals(21, v.get(2L, ALL)[1]);
          assertEquals(40, v.get(4L, ALL)[1]);
          assertNull(v.get(5L, ALL), "committed after the snapshot");
          tx.write(t, List.of(new RowChange.Update(4L, row(4, 41))));
          assertEquals(40, v.get(4L, ALL)[1], "an open view keeps its state");
        }
        assertEquals(41, seen(tx, t).get(4L));
        tx.commit();
      }
      assertEquals(Map.of(2L, 21, 3L, 30, 4L, 41, 5L, 50), committed(db, t));
    }
    try (RocksDatabase db = RocksDatabase.open(dir, StorageOptions.durable())) {
      assertEquals(Map.of(2L, 21, 3L, 30, 4L, 41, 5L, 50),
          committed(db, db.table("T").orElseThrow()), "after reopening");
    }
  }

  @Test
  void theLaterCommitterOfTheSameKeyFailsAndWritesNothing() {
    try (RocksDatabase db = RocksDatabase.open(dir, StorageOptions.durable())) {
      db.createTable("T", COLUMNS, 0);
      db.createTable("U", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      TableStore u = db.table("U").orElseThrow();
      t.apply(List.of(insert(1, 10)));
      Transaction a = db.begin();
      Transaction b = db.begin();
      seen(a, t);
      seen(b, t);
      a.write(t, List.of(new RowChange.Update(1L, row(1, 11))));
      b.write(u, List.of(insert(7, 70)));
      b.write(t, List.of(new RowChange.Update(1L, row(1, 12)), insert(2, 20)));
      a.commit();
      StorageException e = assertThrows(StorageException.class, b::commit);
      assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code());
      assertEquals(Map.of(1L, 11), committed(db, t));
      assertEquals(Map.of(), committed(db, u), "nothing of the failed transaction");
    }
  }

  @Test
  void disjointKeysAndInsertsOfTheSameNewKeyConflictAsSnapshotIsolationSays() {
    try (RocksDatabase db = RocksDatabase.open(dir, StorageOptions.memory())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(insert(1, 10), insert(2, 20)));
      try (Transaction a = db.begin(); Transaction b = db.begin()) {
        a.write(t, List.of(new RowChange.Update(1L, row(1, 11))));
        b.write(t, List.of(new RowChange.Update(2L, row(2, 21))));
        a.commit();
        b.commit();
      }
      assertEquals(Map.of(1L, 11, 2L, 21), committed(db, t), "different keys: both commit");
      try (Transaction a = db.begin(); Transaction b = db.begin()) {
        a.write(t, List.of(insert(9, 90)));
        b.write(t, List.of(insert(9, 91)));
        b.commit();
        assertEquals(ErrorCode.SERIALIZATION_FAILURE,
            assertThrows(StorageException.class, a::commit).code());
      }
      assertEquals(91, committed(db, t).get(9L));
    }
  }

  @Test
  void aStatementThatWritesWhatItReadConflictsWithALaterCommit() {
    try (RocksDatabase db = RocksDatabase.open(dir, StorageOptions.memory())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(insert(1, 0)));
      try (DatabaseSnapshot read = db.snapshot(true)) {
        int n = (Integer) read.view(t).get(1L, ALL)[1];
        t.apply(List.of(new RowChange.Update(1L, row(1, 5))), db.snapshot(false));
        StorageException e = assertThrows(StorageException.class,
            () -> t.apply(List.of(new RowChange.Update(1L, row(1, n + 1))), read));
        assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code());
      }
      assertEquals(Map.of(1L, 5), committed(db, t), "no lost update");
    }
  }

  @Test
  void savepointsRollBackPartOfTheWrites() {
    try (RocksDatabase db = RocksDatabase.open(dir, StorageOptions.memory())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(insert(1, 10)));
      try (Transaction tx = db.begin()) {
        tx.write(t, List.of(insert(2, 20)));
        int first = tx.savepoint();
        tx.write(t, List.of(new RowChange.Delete(1L), insert(3, 30)));
        int second = tx.savepoint();
        tx.write(t, List.of(new RowChange.Update(2L, row(2, 22))));
        assertEquals(Map.of(2L, 22, 3L, 30), seen(tx, t));
        tx.rollbackTo(second);
        assertEquals(Map.of(2L, 20, 3L, 30), seen(tx, t));
        tx.rollbackTo(first);
        assertEquals(Map.of(1L, 10, 2L, 20), seen(tx, t));
        assertEquals(ErrorCode.INVALID_SAVEPOINT_SPECIFICATION,
            assertThrows(StorageException.class, () -> tx.rollbackTo(second)).code());
        tx.commit();
      }
      assertEquals(Map.of(1L, 10, 2L, 20), committed(db, t));
    }
  }

  @Test
  void aDuplicateKeyFailsTheStatementAndKeepsTheTransaction() {
    try (RocksDatabase db = RocksDatabase.open(dir, StorageOptions.memory())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(insert(1, 10)));
      try (Transaction tx = db.begin()) {
        tx.write(t, List.of(insert(2, 20)));
        assertEquals(ErrorCode.UNIQUE_VIOLATION, assertThrows(StorageException.class,
            () -> tx.write(t, List.of(insert(3, 30), insert(1, 11)))).code());
        assertEquals(Map.of(1L, 10, 2L, 20), seen(tx, t), "the failed statement left nothing");
        tx.write(t, List.of(new RowChange.Upsert(row(1, 12)), new RowChange.Delete(2L),
            insert(2, 23)));
        tx.commit();
      }
      assertEquals(Map.of(1L, 12, 2L, 23), committed(db, t));
    }
  }

  @Test
  void aTransactionCommitsOverSegmentsMergedAndSealedSinceItsSnapshot() throws Exception {
    StorageOptions options = StorageOptions.memory().withSealRows(50).withMergeFactor(2);
    try (RocksDatabase db = RocksDatabase.open(dir, options)) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      List<RowChange> first = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        first.add(insert(i, i));
      }
      t.apply(first);
      try (Transaction tx = db.begin()) {
        tx.write(t, List.of(new RowChange.Update(10L, row(10, -10)), new RowChange.Delete(20L),
            insert(1000, 1000)));
        List<RowChange> more = new ArrayList<>();
        for (int i = 100; i < 300; i++) {
          more.add(insert(i, i));
        }
        t.apply(more);
        db.awaitBackgroundWork();
        Map<Long, Integer> mine = seen(tx, t);
        assertEquals(100, mine.size());
        assertEquals(-10, mine.get(10L));
        tx.commit();
      }
      Map<Long, Integer> after = committed(db, t);
      assertEquals(300, after.size());
      assertEquals(-10, after.get(10L));
      assertFalse(after.containsKey(20L));
      assertEquals(1000, after.get(1000L));
    }
  }

  /**
   * Random interleavings of several transactions in one thread, checked against a model:
   * each transaction's reads equal the committed state at its start plus its own writes, and a
   * commit fails exactly when another commit since its start wrote one of its keys.
   */
  @Test
  void randomInterleavingsMatchAModelOfSnapshotIsolation() {
    long seed = Long.getLong("tx.seed", 20261208L);
    Random random = new Random(seed);
    try (RocksDatabase db = RocksDatabase.open(dir,
        StorageOptions.memory().withSealRows(40).withMergeFactor(3))) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      TreeMap<Long, Integer> model = new TreeMap<>();
      List<Map<Long, Long>> commitLog = new ArrayList<>();
      record Open(Transaction tx, TreeMap<Long, Integer> state, Map<Long, Integer> written,
          int startedAt, Map<Long, Integer> start) {}
      List<Open> open = new ArrayList<>();
      int commits = 0;
      int conflicts = 0;
      for (int step = 0; step < 4_000; step++) {
        int action = random.nextInt(10);
        if (open.size() < 4 && (open.isEmpty() || action == 0)) {
          Transaction tx = db.begin();
          seen(tx, t);
          open.add(new Open(tx, new TreeMap<>(model), new HashMap<>(), commitLog.size(),
              new TreeMap<>(model)));
          continue;
        }
        Open o = open.get(random.nextInt(open.size()));
        String where = "seed " + seed + " step " + step;
        if (action <= 5) {
          long key = random.nextInt(25);
          int n = random.nextInt(1000);
          RowChange change;
          boolean present = o.state().containsKey(key);
          int kind = random.nextInt(3);
          if (kind == 0) {
            change = new RowChange.Delete(key);
          } else if (kind == 1 && present) {
            change = new RowChange.Update(key, row(key, n));
          } else {
            change = new RowChange.Upsert(row(key, n));
          }
          o.tx().write(t, List.of(change));
          if (change instanceof RowChange.Delete) {
            if (o.state().remove(key) != null) {
              o.written().put(key, n);
            }
          } else {
            o.state().put(key, n);
            o.written().put(key, n);
          }
        } else if (action <= 7) {
          assertEquals(o.state(), new TreeMap<>(seen(o.tx(), t)), where);
        } else {
          open.remove(o);
          // A row added and removed again by the transaction is no write of it.
          o.written().keySet().removeIf(
              k -> !o.start().containsKey(k) && !o.state().containsKey(k));
          boolean conflict = false;
          for (int c = o.startedAt(); c < commitLog.size(); c++) {
            for (Long k : o.written().keySet()) {
              conflict |= commitLog.get(c).containsKey(k);
            }
          }
          if (action == 8 || o.written().isEmpty()) {
            try {
              o.tx().commit();
              assertFalse(conflict, where + ": committed despite a conflict");
              Map<Long, Long> keys = new HashMap<>();
              for (Long k : o.written().keySet()) {
                keys.put(k, 1L);
                if (o.state().containsKey(k)) {
                  model.put(k, o.state().get(k));
                } else {
                  model.remove(k);
                }
              }
              commitLog.add(keys);
              commits++;
            } catch (StorageException e) {
              assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code(), where);
              assertTrue(conflict, where + ": a conflict where there was none");
              conflicts++;
            }
          } else {
            o.tx().close();
          }
          assertEquals(model, new TreeMap<>(committed(db, t)), where);
        }
      }
      for (Open o : open) {
        o.tx().close();
      }
      assertTrue(commits > 100 && conflicts > 10, commits + " commits, " + conflicts
          + " conflicts: the test should exercise both");
    }
  }
}
