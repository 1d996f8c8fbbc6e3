package dev.azimuth.storage.rocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.GraphKind;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.graph.VectorGraph;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.IndexState;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.RowCursor;
import dev.azimuth.storage.SegmentInfo;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.StorageOptions;
import dev.azimuth.storage.TableStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

/**
 * Background merging and compaction of sealed segments: rows stay readable by key, row id and
 * scan; deletes after and during a merge are honoured; old read views keep working; graphs are
 * built before the switch and survive a restart; leftovers of a crash are removed at open.
 */
class SegmentCompactionTest {
  private static final int[] ALL = {0, 1, 2};
  private static final int DIM = 8;
  private static final List<ColumnDef> COLUMNS = List.of(
      new ColumnDef(0, "ID", ColumnType.BIGINT, -1, -1, false),
      new ColumnDef(0, "TITLE", ColumnType.VARCHAR, -1, -1, true),
      new ColumnDef(0, "V", ColumnType.VECTOR, DIM, -1, true));

  @TempDir
  Path dir;

  /** Rows of 100 per seal; merges of 4 unless a test says otherwise. */
  private static StorageOptions options() {
    return StorageOptions.memory().withSealRows(100).withMergeFactor(4);
  }

  private static float[] vector(long id) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) Math.sin(id * 0.37 + d * 1.3) * 10;
    }
    return v;
  }

  private static Object[] row(long id) {
    // Every seventh row has a NULL vector, so masks of NULLs move with their rows.
    return new Object[] {id, "t" + id, id % 7 == 3 ? null : vector(id)};
  }

  /** Inserts ids [from, to) in statements of 50 rows. */
  private static void insert(TableStore t, long from, long to) {
    for (long start = from; start < to; start += 50) {
      List<RowChange> batch = new ArrayList<>();
      for (long id = start; id < Math.min(to, start + 50); id++) {
        batch.add(new RowChange.Insert(row(id)));
      }
      t.apply(batch);
    }
  }

  private static void delete(TableStore t, long... ids) {
    List<RowChange> batch = new ArrayList<>();
    for (long id : ids) {
      batch.add(new RowChange.Delete(id));
    }
    t.apply(batch);
  }

  /** Every row by key, by row id and by scan must match what was written. */
  private static void assertRows(TableStore t, Map<Long, Object[]> expected) {
    try (ReadView view = t.openRead()) {
      assertEquals(expected.size(), view.rowCount());
      List<Long> scanned = new ArrayList<>();
      try (RowCursor c = view.scan(ALL)) {
        while (c.next()) {
          Object[] values = c.values();
          long id = (Long) values[0];
          scanned.add(id);
          assertRow(expected.get(id), values);
          assertRow(expected.get(id), view.getByRowId(c.rowId(), ALL));
        }
      }
      assertEquals(new ArrayList<>(new TreeMap<>(expected).keySet()), scanned);
      for (Map.Entry<Long, Object[]> e : expected.entrySet()) {
        assertRow(e.getValue(), view.get(e.getKey(), ALL));
      }
      int live = 0;
      for (SegmentView s : view.segments()) {
        live += s.liveCount();
      }
      assertEquals(expected.size(), live);
    }
  }

  private static void assertRow(Object[] expected, Object[] got) {
    assertNotNull(got, "row " + expected[0]);
    assertEquals(expected[0], got[0]);
    assertEquals(expected[1], got[1]);
    assertArrayEquals((float[]) expected[2], (float[]) got[2], "vector of " + expected[0]);
  }

  private static Map<Long, Object[]> expected(long from, long to) {
    Map<Long, Object[]> out = new HashMap<>();
    for (long id = from; id < to; id++) {
      out.put(id, row(id));
    }
    return out;
  }

  private static List<SegmentInfo> sealed(RocksDatabase db) {
    return db.segments().stream().filter(SegmentInfo::sealed).toList();
  }

  @Test
  void smallSegmentsMergeInTiersAndEveryRowStaysReadable() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      db.createTable("DOCS", COLUMNS, 0);
      TableStore t = db.table("DOCS").orElseThrow();
      insert(t, 0, 1_050);
      db.awaitBackgroundWork();
      // Ten seals of 100: two merges of four (tier 0 -> 400), two left; 50 rows growing.
      List<Integer> sizes = sealed(db).stream().map(SegmentInfo::rows).sorted().toList();
      assertEquals(List.of(100, 100, 400, 400), sizes);
      assertTrue(sealed(db).stream().allMatch(s -> s.deleted() == 0));
      assertEquals(1_050, db.segments().stream().mapToInt(SegmentInfo::rows).sum());
      assertRows(t, expected(0, 1_050));
      // Deletes after the merge land in the merged segment, and count there.
      delete(t, 5, 6, 7, 1_000);
      Map<Long, Object[]> left = expected(0, 1_050);
      List.of(5L, 6L, 7L, 1_000L).forEach(left::remove);
      assertRows(t, left);
      assertEquals(4, db.segments().stream().mapToInt(SegmentInfo::deleted).sum());
    }
  }

  @Test
  void rowsDeletedOrUpdatedDuringAMergeStayDeleted() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options().withMergeFactor(100))) {
      db.createTable("DOCS", COLUMNS, 0);
      TableStore t = db.table("DOCS").orElseThrow();
      insert(t, 0, 300);
      List<Integer> ids = sealed(db).stream().map(SegmentInfo::segment).toList();
      assertEquals(3, ids.size());
      boolean[] acted = new boolean[1];
      // Polled after the copy of each source: act once, after the copy has its snapshot.
      boolean merged = db.merge("DOCS", ids, () -> {
        if (!acted[0]) {
          acted[0] = true;
          delete(t, 10, 150, 299);
          t.apply(List.of(new RowChange.Update(20L, new Object[] {20L, "moved", vector(-1)}),
              new RowChange.Upsert(new Object[] {250L, "upserted", null})));
        }
        return false;
      });
      assertTrue(merged);
      Map<Long, Object[]> expected = expected(0, 300);
      List.of(10L, 150L, 299L).forEach(expected::remove);
      expected.put(20L, new Object[] {20L, "moved", vector(-1)});
      expected.put(250L, new Object[] {250L, "upserted", null});
      assertRows(t, expected);
      List<SegmentInfo> after = sealed(db);
      assertEquals(1, after.size());
      assertEquals(300, after.get(0).rows());
      assertEquals(5, after.get(0).deleted(), "three deleted, two moved to the growing segment");
    }
  }

  @Test
  void readViewsOpenedBeforeAMergeKeepTheirRows() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options().withMergeFactor(100))) {
      db.createTable("DOCS", COLUMNS, 0);
      TableStore t = db.table("DOCS").orElseThrow();
      insert(t, 0, 250);
      try (ReadView old = t.openRead()) {
        List<Long> rowIds = new ArrayList<>();
        try (RowCursor c = old.scan(ALL)) {
          while (c.next()) {
            rowIds.add(c.rowId());
          }
        }
        assertTrue(db.merge("DOCS", sealed(db).stream().map(SegmentInfo::segment).toList(),
            () -> false));
        delete(t, 0, 1, 2);
        assertEquals(250, old.rowCount());
        for (int i = 0; i < rowIds.size(); i++) {
          assertRow(row(i), old.getByRowId(rowIds.get(i), ALL));
        }
        assertRow(row(1), old.get(1L, ALL));
      }
      Map<Long, Object[]> now = expected(3, 250);
      assertRows(t, now);
    }
  }

  @Test
  void aSegmentWithManyDeletionsIsCompactedAndAnEmptyOneDropped() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options().withMergeFactor(100))) {
      db.createTable("DOCS", COLUMNS, 0);
      TableStore t = db.table("DOCS").orElseThrow();
      insert(t, 0, 300);
      db.awaitBackgroundWork();
      assertEquals(3, sealed(db).size());
      long[] half = new long[50];
      for (int i = 0; i < 50; i++) {
        half[i] = 2 * i;
      }
      delete(t, half);
      long[] all = new long[100];
      for (int i = 0; i < 100; i++) {
        all[i] = 100 + i;
      }
      delete(t, all);
      db.awaitBackgroundWork();
      List<SegmentInfo> after = sealed(db);
      assertEquals(List.of(50, 100), after.stream().map(SegmentInfo::rows).sorted().toList(),
          "the emptied segment is gone; the half-deleted one rewritten with its 50 live rows");
      assertTrue(after.stream().allMatch(s -> s.deleted() == 0));
      Map<Long, Object[]> expected = expected(0, 300);
      for (long id : half) {
        expected.remove(id);
      }
      for (long id : all) {
        expected.remove(id);
      }
      assertRows(t, expected);
    }
  }

  @Test
  void mergedSegmentsAreIndexedBeforeTheSwitchAndNotRebuiltAfterARestart() throws Exception {
    StorageOptions durable = StorageOptions.durable().withSyncWrites(false).withSealRows(100)
        .withMergeFactor(4);
    Map<Path, FileTime> files;
    try (RocksDatabase db = RocksDatabase.open(dir, durable)) {
      db.createTable("DOCS", COLUMNS, 0);
      TableStore t = db.table("DOCS").orElseThrow();
      insert(t, 0, 399);
      db.createIndex("DOCS_V", "DOCS", 2, GraphOptions.of(GraphKind.HNSW, Metric.L2));
      insert(t, 399, 450);
      db.awaitBackgroundWork();
      // 399 rows sealed as 100, 100, 100, 99 by CREATE INDEX: merged into one of 399.
      List<SegmentInfo> segs = sealed(db);
      assertEquals(List.of(399), segs.stream().map(SegmentInfo::rows).toList());
      int withVectors = (int) java.util.stream.LongStream.range(0, 399)
          .filter(id -> row(id)[2] != null).count();
      assertAllReady(db, segs.get(0).segment(), withVectors);
      files = graphFiles();
      assertEquals(1, files.size(), files.toString());
      assertTrue(files.keySet().iterator().next().toString()
          .endsWith("-segment-" + segs.get(0).segment() + ".graph"));
      try (ReadView view = t.openRead()) {
        VectorGraph graph = view.graph(segs.get(0).segment(), db.indexes().get(0).id());
        assertNotNull(graph);
        SegmentView s = view.segments().get(0);
        int nearest = (int) graph.search(vector(123), 1, 50, s::isLive).id(0);
        assertEquals(123L, s.key(nearest));
      }
    }
    try (RocksDatabase db = RocksDatabase.open(dir, durable)) {
      List<SegmentInfo> segs = sealed(db);
      assertEquals(1, segs.size());
      assertTrue(db.indexStates().stream().allMatch(s -> s.phase() == IndexState.Phase.READY),
          "loaded at open, not rebuilt: " + db.indexStates());
      assertEquals(files, graphFiles());
      assertRows(db.table("DOCS").orElseThrow(), expected(0, 450));
    }
  }

  private static void assertAllReady(RocksDatabase db, int segment, int vectors) {
    List<IndexState> states = db.indexStates();
    assertEquals(1, states.size(), states.toString());
    assertEquals(segment, states.get(0).segment());
    assertEquals(IndexState.Phase.READY, states.get(0).phase());
    assertEquals(vectors, states.get(0).done());
  }

  private Map<Path, FileTime> graphFiles() throws Exception {
    Map<Path, FileTime> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("indexes"))) {
      for (Path f : files.toList()) {
        out.put(f.getFileName(), Files.getLastModifiedTime(f));
      }
    }
    return out;
  }

  @Test
  void leftoversOfAMergeCutShortAreRemovedAtOpen() throws Exception {
    StorageOptions durable = StorageOptions.durable().withSealRows(100).withMergeFactor(100);
    try (RocksDatabase db = RocksDatabase.open(dir, durable)) {
      db.createTable("DOCS", COLUMNS, 0);
      insert(db.table("DOCS").orElseThrow(), 0, 200);
      db.createIndex("DOCS_V", "DOCS", 2, GraphOptions.of(GraphKind.HNSW, Metric.L2));
    }
    // What a kill -9 between a merge's first writes and its switch leaves: entries and a
    // deletion marker under an unlisted segment id, its graph file and a catalog state.
    Path orphan = dir.resolve("indexes").resolve("index-1-segment-77.graph");
    Files.write(orphan, new byte[] {1, 2, 3});
    try (RocksStore store = RocksStore.open(dir, durable); WriteBatch batch = new WriteBatch()) {
      batch.put(store.segments(), Layout.segmentKey(1, 77, 0, Layout.KEY_PART), new byte[8]);
      batch.put(store.deletes(), Layout.deleteKey(1, 77, 0), new byte[0]);
      batch.put(store.catalog(), Layout.indexStateKey(1, 77), CatalogCodec.encodeAny(
          new IndexFileState("index-1-segment-77.graph", 0, 3, 1)));
      store.write(batch);
    }
    try (RocksDatabase db = RocksDatabase.open(dir, durable)) {
      assertFalse(Files.exists(orphan));
      assertEquals(2, graphFiles().size(), "the two real graphs stay");
      assertEquals(2, db.indexStates().size());
      assertRows(db.table("DOCS").orElseThrow(), expected(0, 200));
    }
    try (RocksStore store = RocksStore.open(dir, durable)) {
      assertNull(store.get(store.catalog(), Layout.indexStateKey(1, 77)));
      assertNull(store.get(store.segments(), Layout.segmentKey(1, 77, 0, Layout.KEY_PART)));
    }
  }
}
