package dev.azimuth.storage.rocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.sorted.SortedOrdinals;
import dev.azimuth.storage.Alteration;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.IndexState;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.SegmentInfo;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.StorageOptions;
import dev.azimuth.storage.TableStore;
import dev.azimuth.storage.ValueOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BTREE indexes in storage: one sorted run of ordinals per sealed segment, in the key order of
 * {@link ValueOrder} (NULLs and NaN last), surviving a restart from their files, rebuilt when a
 * file is damaged, carried over merges, and following a DROP COLUMN.
 */
class SortedIndexStorageTest {
  private static final List<ColumnDef> COLUMNS = List.of(
      new ColumnDef(0, "ID", ColumnType.BIGINT, -1, -1, false),
      new ColumnDef(0, "CAT", ColumnType.INTEGER, -1, -1, true),
      new ColumnDef(0, "PRICE", ColumnType.DOUBLE, -1, -1, true),
      new ColumnDef(0, "V", ColumnType.VECTOR, 2, -1, true));

  @TempDir
  Path dir;

  private static StorageOptions options() {
    return StorageOptions.durable().withSyncWrites(false).withSealRows(100)
        .withMergeFactor(100);
  }

  private static Integer cat(long id) {
    return id % 13 == 0 ? null : Integer.valueOf((int) ((id * 7) % 5));
  }

  private static Double price(long id) {
    if (id % 19 == 4) {
      return null;
    }
    return id % 17 == 3 ? Double.NaN : (double) ((id * 31) % 23) - 11;
  }

  private static void insert(TableStore t, long from, long to) {
    for (long start = from; start < to; start += 50) {
      List<RowChange> batch = new ArrayList<>();
      for (long id = start; id < Math.min(to, start + 50); id++) {
        batch.add(new RowChange.Insert(new Object[] {id, cat(id), price(id),
            new float[] {id, 1}}));
      }
      t.apply(batch);
    }
  }

  /**
   * Per sealed segment, the live keys in index order, checked against a sort of the same rows
   * written here; returns how many ordinals the indexes held.
   */
  private static int checkOrder(RocksDatabase db, String index, int[] columns) {
    IndexDef def = db.indexes().stream().filter(i -> i.name().equals(index)).findFirst()
        .orElseThrow();
    int total = 0;
    try (ReadView view = db.table("T").orElseThrow().openRead()) {
      for (SegmentView s : view.segments()) {
        SortedOrdinals sorted = view.sortedIndex(s.id(), def.id());
        if (!s.sealed()) {
          assertNull(sorted, "the growing segment has no sorted index");
          continue;
        }
        assertNotNull(sorted, "segment " + s.id());
        List<Integer> live = new ArrayList<>();
        List<Integer> indexed = new ArrayList<>();
        for (int p = 0; p < sorted.size(); p++) {
          if (s.isLive(sorted.ordinal(p))) {
            indexed.add(sorted.ordinal(p));
          }
        }
        for (int o = 0; o < s.size(); o++) {
          if (s.isLive(o)) {
            live.add(o);
          }
        }
        Comparator<Integer> order = (a, b) -> {
          for (int c : columns) {
            int r = ValueOrder.compare(s.value(c, a), s.value(c, b));
            if (r != 0) {
              return r;
            }
          }
          return Integer.compare(a, b);
        };
        live.sort(order);
        assertEquals(live, indexed, "segment " + s.id());
        total += sorted.size();
      }
    }
    return total;
  }

  @Test
  void sortedByKeyWithNullsAndNaNLastAndLoadedAfterRestart() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      insert(t, 0, 250);
      IndexDef def = db.createSortedIndex("T_CAT_PRICE", "T", List.of(1, 2));
      assertTrue(def.sorted());
      assertEquals("BTREE", def.method());
      assertEquals(List.of(1, 2), def.keyColumns());
      db.createSortedIndex("T_PRICE", "T", List.of(2));
      assertEquals(250, checkOrder(db, "T_CAT_PRICE", new int[] {1, 2}));
      assertEquals(250, checkOrder(db, "T_PRICE", new int[] {2}));
      t.apply(List.of(new RowChange.Delete(7L), new RowChange.Delete(120L)));
      insert(t, 250, 260);
      checkOrder(db, "T_CAT_PRICE", new int[] {1, 2});
      assertTrue(db.indexStates().stream().allMatch(s -> s.phase() == IndexState.Phase.READY));
    }
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      assertTrue(db.indexStates().stream().allMatch(s -> s.phase() == IndexState.Phase.READY),
          "loaded at open, not rebuilt: " + db.indexStates());
      assertEquals(List.of(1, 2), db.indexes().get(0).keyColumns(), "catalog round trip");
      checkOrder(db, "T_CAT_PRICE", new int[] {1, 2});
    }
  }

  @Test
  void damagedFileIsRebuiltAndMergesCarryTheIndex() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      db.createTable("T", COLUMNS, 0);
      insert(db.table("T").orElseThrow(), 0, 180);
      db.createSortedIndex("T_PRICE", "T", List.of(2));
    }
    Path file;
    try (Stream<Path> files = Files.list(dir.resolve("indexes"))) {
      file = files.filter(f -> f.toString().endsWith(".sorted")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 2] ^= 0x11;
    Files.write(file, bytes);
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < deadline && !db.indexStates().stream()
          .allMatch(s -> s.phase() == IndexState.Phase.READY)) {
        Thread.sleep(20);
      }
      assertEquals(180, checkOrder(db, "T_PRICE", new int[] {2}));
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(new RowChange.Delete(3L)));
      List<Integer> sealed = db.segments().stream().filter(SegmentInfo::sealed)
          .map(SegmentInfo::segment).toList();
      assertEquals(2, sealed.size());
      assertTrue(db.merge("T", sealed, () -> false));
      assertEquals(179, checkOrder(db, "T_PRICE", new int[] {2}),
          "the merged segment is indexed before it replaces its sources");
    }
  }

  @Test
  void dropColumnShiftsOrDropsTheIndexAndBadColumnsAreRefused() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      db.createTable("T", COLUMNS, 0);
      insert(db.table("T").orElseThrow(), 0, 120);
      db.createSortedIndex("T_PRICE", "T", List.of(2));
      db.createSortedIndex("T_CAT_PRICE", "T", List.of(1, 2));
      StorageException vector = assertThrows(StorageException.class,
          () -> db.createSortedIndex("T_V", "T", List.of(3)));
      assertEquals(ErrorCode.DATATYPE_MISMATCH, vector.code());
      assertThrows(StorageException.class, () -> db.createSortedIndex("T_X", "T", List.of(1, 1)));
      db.alterTable("T", new Alteration.DropColumn("CAT"));
      assertEquals(List.of("T_PRICE"), db.indexes().stream().map(IndexDef::name).toList(),
          "an index reading the dropped column goes with it");
      assertEquals(List.of(1), db.indexes().get(0).keyColumns(), "PRICE moved one place left");
      assertEquals(120, checkOrder(db, "T_PRICE", new int[] {1}));
    }
  }
}
