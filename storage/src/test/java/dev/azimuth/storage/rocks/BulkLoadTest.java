package dev.azimuth.storage.rocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.Database;
import dev.azimuth.storage.DuplicateKeyException;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.RowCursor;
import dev.azimuth.storage.SegmentInfo;
import dev.azimuth.storage.StorageOptions;
import dev.azimuth.storage.TableStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insertBatch}: whole segments written as ingested files, the rest into the log. */
class BulkLoadTest {
  private static final List<ColumnDef> COLUMNS = List.of(
      new ColumnDef(0, "ID", ColumnType.BIGINT, -1, -1, false),
      new ColumnDef(0, "V", ColumnType.VECTOR, 2, -1, true),
      new ColumnDef(0, "N", ColumnType.INTEGER, -1, -1, true),
      new ColumnDef(0, "W", ColumnType.VECTOR, 1, -1, true));
  private static final StorageOptions OPTIONS = StorageOptions.durable().withSealRows(100)
      .withMergeFactor(100);

  @TempDir
  Path dir;

  private static List<Object[]> rows(int from, int to) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(new Object[] {(long) i, i % 10 == 0 ? null : new float[] {i, -i}, i * 2,
          new float[] {i + 0.5f}});
    }
    return rows;
  }

  private static void assertRows(TableStore table, int count) {
    int n = 0;
    try (ReadView view = table.openRead(); RowCursor c = view.scan(new int[] {0, 1, 2, 3})) {
      while (c.next()) {
        Object[] row = c.values();
        assertEquals((long) n, row[0]);
        if (n % 10 == 0) {
          assertNull(row[1]);
        } else {
          assertArrayEquals(new float[] {n, -n}, (float[]) row[1]);
        }
        assertEquals(n * 2, row[2]);
        assertArrayEquals(new float[] {n + 0.5f}, (float[]) row[3]);
        n++;
      }
    }
    assertEquals(count, n);
  }

  private static List<String> segments(Database db) {
    return db.segments().stream()
        .map(s -> (s.sealed() ? "sealed " : "growing ") + s.rows()).toList();
  }

  @Test
  void wholeSegmentsAreWrittenDirectlyAndSurviveReopen() {
    try (Database db = RocksDatabase.open(dir, OPTIONS)) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.apply(List.of(new RowChange.Insert(rows(0, 1).get(0))));
      assertEquals(249, t.insertBatch(rows(1, 250)));
      assertEquals(List.of("sealed 100", "sealed 100", "growing 50"), segments(db),
          "two segments' worth became sealed segments of their own; the other 49 rows joined"
              + " the growing segment's one");
      assertRows(t, 250);
    }
    try (Database db = RocksDatabase.open(dir, OPTIONS)) {
      TableStore t = db.table("T").orElseThrow();
      assertRows(t, 250);
      assertEquals(3, db.segments().size());
      assertEquals(250, t.rowCount());
    }
  }

  @Test
  void aDuplicateKeyWritesNothingAndLeavesNoSegmentBehind() {
    try (Database db = RocksDatabase.open(dir, OPTIONS)) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      t.insertBatch(rows(0, 50));
      List<Object[]> batch = rows(50, 300);
      batch.set(150, rows(7, 8).get(0));
      DuplicateKeyException e = assertThrows(DuplicateKeyException.class,
          () -> t.insertBatch(batch));
      assertEquals(150, e.row(), "a row of the second segment written directly");
      assertEquals(ErrorCode.UNIQUE_VIOLATION, e.code());
      List<Object[]> twice = rows(50, 300);
      twice.set(5, rows(60, 61).get(0));
      assertEquals(10, assertThrows(DuplicateKeyException.class,
          () -> t.insertBatch(twice)).row(), "the second row with key 60");
      assertRows(t, 50);
      assertEquals(List.of("growing 50"), segments(db));
    }
    try (Database db = RocksDatabase.open(dir, OPTIONS)) {
      assertRows(db.table("T").orElseThrow(), 50);
      assertEquals(List.of("growing 50"), segments(db));
      TableStore t = db.table("T").orElseThrow();
      assertEquals(250, t.insertBatch(rows(50, 300)));
      assertRows(t, 300);
    }
  }

  private static Object[] row(long id) {
    return new Object[] {id, null, 0, new float[] {id}};
  }

  @Test
  void keysBetweenExistingOnesAreCheckedToo() {
    try (Database db = RocksDatabase.open(dir, OPTIONS)) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      List<Object[]> tens = new ArrayList<>();
      for (long k = 0; k < 500; k += 10) {
        tens.add(row(k));
      }
      t.insertBatch(tens);
      List<Object[]> odd = new ArrayList<>();
      for (long k = 499; k > 0; k -= 2) {
        odd.add(row(k));
      }
      assertEquals(250, t.insertBatch(odd), "interleaved but new keys");
      List<Object[]> clash = new ArrayList<>();
      for (long k = 1000; k < 1200; k++) {
        clash.add(row(k));
      }
      clash.add(row(-5));
      clash.add(row(480));
      assertEquals(201, assertThrows(DuplicateKeyException.class,
          () -> t.insertBatch(clash)).row());
      assertEquals(300, t.rowCount());
    }
  }

  @Test
  void inMemoryDatabasesWriteTheSameSegmentsThroughTheLog() {
    try (Database db = RocksDatabase.open(dir, StorageOptions.memory().withSealRows(100)
        .withMergeFactor(100))) {
      db.createTable("T", COLUMNS, 0);
      TableStore t = db.table("T").orElseThrow();
      assertEquals(230, t.insertBatch(rows(0, 230)));
      assertRows(t, 230);
      assertEquals(List.of("sealed 100", "sealed 100", "growing 30"), segments(db));
      assertEquals(230, db.segments().stream().mapToInt(SegmentInfo::rows).sum());
    }
  }
}
