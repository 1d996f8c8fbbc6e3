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
import dev.azimuth.storage.Database;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.RowCursor;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.StorageOptions;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDatabaseTest {
  private static final int[] ALL = {0, 1, 2};
  private static final List<ColumnDef> COLUMNS = List.of(
      new ColumnDef(0, "ID", ColumnType.BIGINT, -1, -1, false),
      new ColumnDef(0, "TITLE", ColumnType.VARCHAR, -1, -1, true),
      new ColumnDef(0, "V", ColumnType.VECTOR, 2, -1, true));

  @TempDir
  Path dir;

  private static Object[] row(long id, String title, float... v) {
    return new Object[] {id, title, v.length == 0 ? null : v};
  }

  private static List<Object[]> scan(TableStore table) {
    List<Object[]> rows = new ArrayList<>();
    try (ReadView view = table.openRead(); RowCursor c = view.scan(ALL)) {
      while (c.next()) {
        rows.add(c.values());
      }
    }
    return rows;
  }

  @Test
  void rowsAndCatalogSurviveReopen() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      TableDef def = db.createTable("DOCS", COLUMNS, 0);
      assertEquals(3, def.columns().get(2).id());
      assertFalse(def.columns().get(0).nullable(), "the key is NOT NULL");
      TableStore t = db.table("DOCS").orElseThrow();
      assertEquals(3, t.apply(List.of(new RowChange.Insert(row(2, "b", 3, 4)),
          new RowChange.Insert(row(1, "a", 1, 2)), new RowChange.Insert(row(3, null)))));
    }
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      assertEquals(List.of("DOCS"), db.tables().stream().map(TableDef::name).toList());
      TableStore t = db.table("DOCS").orElseThrow();
      List<Object[]> rows = scan(t);
      assertEquals(3, rows.size());
      assertEquals(1L, rows.get(0)[0], "scan is in key order");
      assertArrayEquals(new float[] {1, 2}, (float[]) rows.get(0)[2]);
      assertArrayEquals(new float[] {3, 4}, (float[]) rows.get(1)[2]);
      assertNull(rows.get(2)[2]);
      assertEquals(3, t.rowCount());
      try (ReadView view = t.openRead()) {
        SegmentView seg = view.segments().get(0);
        assertEquals(3, seg.size());
        assertTrue(seg.isNull(2, 2));
        assertTrue(seg.hasNulls(2));
        assertEquals(2L, seg.key(0));
        assertArrayEquals(new float[] {3, 4, 1, 2},
            java.util.Arrays.copyOf(seg.vectors(2), 4));
      }
    }
  }

  @Test
  void failedStatementChangesNothing() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.memory())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(new RowChange.Insert(row(1, "a", 1, 1))));
      StorageException dup = assertThrows(StorageException.class, () -> t.apply(List.of(
          new RowChange.Insert(row(2, "b", 2, 2)), new RowChange.Insert(row(1, "x", 0, 0)))));
      assertEquals(ErrorCode.UNIQUE_VIOLATION, dup.code());
      assertTrue(dup.getMessage().contains("ID = 1"), dup.getMessage());
      assertThrows(StorageException.class, () -> t.apply(List.of(
          new RowChange.Insert(row(5, "b", 2, 2)), new RowChange.Insert(row(6, "x", 0)))));
      assertThrows(StorageException.class, () -> t.apply(List.of(
          new RowChange.Insert(row(7, "b")), new RowChange.Insert(row(7, "c")))));
      List<Object[]> rows = scan(t);
      assertEquals(1, rows.size());
      assertEquals("a", rows.get(0)[1]);
      assertEquals(1, t.rowCount());
      t.apply(List.of(new RowChange.Insert(row(2, "b", 2, 2))));
      assertEquals(2, scan(t).size(), "ordinals freed by the failed statements are reused");
    }
  }

  @Test
  void upsertUpdateAndDelete() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.memory())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(new RowChange.Insert(row(1, "a", 1, 1)),
          new RowChange.Insert(row(2, "b", 2, 2))));
      assertEquals(2, t.apply(List.of(new RowChange.Upsert(row(1, "a2", 9, 9)),
          new RowChange.Upsert(row(3, "c", 3, 3)))));
      // Shift every key up by one in a single statement: legal at the statement's end.
      List<RowChange> shift = new ArrayList<>();
      for (Object[] r : scan(t)) {
        shift.add(new RowChange.Update(r[0], row((Long) r[0] + 1, (String) r[1], 0, 0)));
      }
      assertEquals(3, t.apply(shift));
      assertEquals(List.of(2L, 3L, 4L), scan(t).stream().map(r -> r[0]).toList());
      assertEquals(1, t.apply(List.of(new RowChange.Delete(3L), new RowChange.Delete(99L))));
      assertEquals(List.of(2L, 4L), scan(t).stream().map(r -> r[0]).toList());
      assertEquals(2, t.rowCount());
      try (ReadView view = t.openRead()) {
        SegmentView seg = view.segments().get(0);
        int live = 0;
        for (int o = 0; o < seg.size(); o++) {
          live += seg.isLive(o) ? 1 : 0;
        }
        assertEquals(2, live);
        assertEquals(2, seg.liveCount());
      }
    }
  }

  @Test
  void deletionsAndUpdatesSurviveReopen() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(new RowChange.Insert(row(1, "a", 1, 1)),
          new RowChange.Insert(row(2, "b", 2, 2))));
      t.apply(List.of(new RowChange.Delete(1L), new RowChange.Upsert(row(2, "b2", 5, 5))));
    }
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      TableStore t = db.table("T").orElseThrow();
      List<Object[]> rows = scan(t);
      assertEquals(1, rows.size());
      assertEquals("b2", rows.get(0)[1]);
      assertArrayEquals(new float[] {5, 5}, (float[]) rows.get(0)[2]);
      try (ReadView view = t.openRead()) {
        SegmentView seg = view.segments().get(0);
        assertEquals(3, seg.size());
        assertEquals(1, seg.liveCount());
        assertFalse(seg.isLive(0));
        assertFalse(seg.isLive(1));
        assertTrue(seg.isLive(2));
      }
    }
  }

  @Test
  void segmentScanReadsLiveRowsFromMemoryBeforeAndAfterReopen() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(new RowChange.Insert(row(3, "c", 3, 3)),
          new RowChange.Insert(row(1, "a", 1, 1)), new RowChange.Insert(row(2, null))));
      t.apply(List.of(new RowChange.Delete(1L), new RowChange.Upsert(row(3, "c2", 4, 4))));
      assertEquals(List.of("2:null:null", "3:c2:[4.0, 4.0]"), segmentScan(t));
    }
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      TableStore t = db.table("T").orElseThrow();
      assertEquals(List.of("2:null:null", "3:c2:[4.0, 4.0]"), segmentScan(t),
          "scalars are restored from the rows column family at open");
      try (ReadView view = t.openRead()) {
        assertEquals("c2", view.getByRowId(ReadView.rowId(1, 3), ALL)[1]);
        assertNull(view.getByRowId(ReadView.rowId(1, 0), ALL), "the first c was replaced");
        assertEquals(List.of(2L, 3L), List.of(view.get(2L, ALL)[0], view.get(3L, ALL)[0]));
      }
    }
  }

  /** Rows in segment order as "key:title:vector", with ordinals checked against row ids. */
  private static List<String> segmentScan(TableStore table) {
    List<String> rows = new ArrayList<>();
    try (ReadView view = table.openRead(); RowCursor c = view.scanBySegment(ALL)) {
      while (c.next()) {
        Object[] v = c.values();
        assertArrayEquals(v, view.getByRowId(c.rowId(), ALL), "row id resolves to the row");
        rows.add(v[0] + ":" + v[1] + ":"
            + (v[2] == null ? "null" : java.util.Arrays.toString((float[]) v[2])));
      }
    }
    return rows;
  }

  @Test
  void readViewIsASnapshot() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.memory())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(new RowChange.Insert(row(1, "a", 1, 1))));
      try (ReadView view = t.openRead()) {
        t.apply(List.of(new RowChange.Delete(1L), new RowChange.Insert(row(2, "b", 2, 2))));
        assertEquals("a", view.get(1L, ALL)[1]);
        assertNull(view.get(2L, ALL));
        assertTrue(view.segments().get(0).isLive(0));
        assertEquals(1, view.segments().get(0).size());
        assertArrayEquals(new float[] {1, 1}, (float[]) view.getByRowId(ReadView.rowId(1, 0),
            ALL)[2]);
      }
      try (ReadView view = t.openRead()) {
        assertNull(view.get(1L, ALL));
        assertNull(view.getByRowId(ReadView.rowId(1, 0), ALL));
        assertEquals("b", view.get(2L, new int[] {1})[0]);
      }
    }
  }

  @Test
  void segmentGrowsPastItsInitialCapacity() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      List<RowChange> batch = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        batch.add(new RowChange.Insert(row(i, "r" + i, i, -i)));
      }
      t.apply(batch);
      t.apply(List.of(new RowChange.Delete(4000L)));
    }
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      TableStore t = db.table("T").orElseThrow();
      assertEquals(4999, t.rowCount());
      try (ReadView view = t.openRead()) {
        SegmentView seg = view.segments().get(0);
        assertEquals(4321f, seg.vectors(2)[4321 * 2]);
        assertFalse(seg.hasNulls(2));
        assertEquals(-4999f, seg.vectors(2)[4999 * 2 + 1]);
        assertFalse(seg.isLive(4000));
      }
    }
  }

  @Test
  void dropTableRemovesDataAndNameCanBeReused() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      db.createTable("T", COLUMNS, 0);
      db.table("T").orElseThrow().apply(List.of(new RowChange.Insert(row(1, "a", 1, 1))));
      long v = db.catalogVersion();
      assertTrue(db.dropTable("T"));
      assertTrue(db.catalogVersion() > v);
      assertFalse(db.dropTable("T"));
      db.createTable("T", COLUMNS, 0);
      assertEquals(0, scan(db.table("T").orElseThrow()).size());
      assertEquals(ErrorCode.DUPLICATE_TABLE, assertThrows(StorageException.class,
          () -> db.createTable("T", COLUMNS, 0)).code());
    }
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      assertEquals(0, scan(db.table("T").orElseThrow()).size());
    }
  }

  @Test
  void rejectsBadDefinitions() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.memory())) {
      StorageException e = assertThrows(StorageException.class, () -> db.createTable("T",
          List.of(new ColumnDef(0, "V", ColumnType.VECTOR, 2, -1, false)), 0));
      assertEquals(ErrorCode.INVALID_TABLE_DEFINITION, e.code());
      assertTrue(db.tables().isEmpty());
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryIsRefused() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.durable())) {
      StorageException e = assertThrows(StorageException.class,
          () -> RocksDatabase.open(dir, StorageOptions.durable()));
      assertEquals(ErrorCode.OBJECT_IN_USE, e.code());
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
      db.createTable("T", COLUMNS, 0);
    }
  }
}
