package dev.azimuth.storage.rocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.text.SegmentTextIndex;
import dev.azimuth.index.text.TextIndexOptions;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FULLTEXT indexes in storage: one inverted index per sealed segment built by the same service
 * as the graphs, its catalog entry surviving a restart, its file loaded rather than rebuilt, a
 * damaged file rebuilt, merged segments indexed, and the column checks.
 */
class TextIndexStorageTest {
  private static final List<ColumnDef> COLUMNS = List.of(
      new ColumnDef(0, "ID", ColumnType.BIGINT, -1, -1, false),
      new ColumnDef(0, "BODY", ColumnType.VARCHAR, -1, -1, true),
      new ColumnDef(0, "V", ColumnType.VECTOR, 2, -1, true));
  private static final String[] WORDS = {"red", "green", "blue", "running", "runs", "fox"};

  @TempDir
  Path dir;

  private static StorageOptions options() {
    return StorageOptions.durable().withSyncWrites(false).withSealRows(100)
        .withMergeFactor(100);
  }

  /** Row {@code id}'s text: two words chosen by the id; every eleventh row has none. */
  private static String text(long id) {
    return id % 11 == 5 ? null
        : WORDS[(int) (id % WORDS.length)] + " " + WORDS[(int) ((id / 3) % WORDS.length)];
  }

  /** Inserts ids [from, to) in statements of 50 rows (a segment seals after a statement). */
  private static void insert(TableStore t, long from, long to) {
    for (long start = from; start < to; start += 50) {
      List<RowChange> batch = new ArrayList<>();
      for (long id = start; id < Math.min(to, start + 50); id++) {
        batch.add(new RowChange.Insert(new Object[] {id, text(id), new float[] {id, 1}}));
      }
      t.apply(batch);
    }
  }

  private Path textFile() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("indexes"))) {
      List<Path> texts = files.filter(f -> f.toString().endsWith(".text")).toList();
      assertEquals(1, texts.size(), texts.toString());
      return texts.get(0);
    }
  }

  /** The keys of the live rows whose text contains {@code term}, through the segment indexes. */
  private static List<Long> keysWith(RocksDatabase db, String term) {
    IndexDef def = db.indexes().get(0);
    List<Long> keys = new ArrayList<>();
    try (ReadView view = db.table("DOCS").orElseThrow().openRead()) {
      for (SegmentView s : view.segments()) {
        SegmentTextIndex index = view.textIndex(s.id(), def.id());
        if (!s.sealed()) {
          assertNull(index, "the growing segment has no text index");
          continue;
        }
        assertNotNull(index, "segment " + s.id());
        for (int ordinal : index.postings(term).ordinals()) {
          if (s.isLive(ordinal)) {
            keys.add((Long) s.key(ordinal));
          }
        }
      }
    }
    keys.sort(null);
    return keys;
  }

  private static List<Long> expectedWith(String word, long from, long to) {
    List<Long> keys = new ArrayList<>();
    for (long id = from; id < to; id++) {
      String t = text(id);
      if (t != null && Arrays.asList(t.split(" ")).contains(word)) {
        keys.add(id);
      }
    }
    return keys;
  }

  @Test
  void createBuildsEverySegmentAndRestartLoadsTheFiles() throws Exception {
    byte[] written;
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      db.createTable("DOCS", COLUMNS, 0);
      TableStore t = db.table("DOCS").orElseThrow();
      insert(t, 0, 150);
      IndexDef def = db.createTextIndex("DOCS_BODY", "DOCS", 1, new TextIndexOptions("English"));
      assertTrue(def.fullText());
      assertEquals("english", def.text().analyzer());
      assertEquals("FULLTEXT", def.method());
      // 150 rows: one segment sealed at 100, the other 50 sealed by CREATE INDEX.
      List<IndexState> states = db.indexStates();
      assertEquals(2, states.size(), states.toString());
      long documents = java.util.stream.LongStream.range(0, 150)
          .filter(id -> text(id) != null).count();
      assertTrue(states.stream().allMatch(s -> s.phase() == IndexState.Phase.READY));
      assertEquals(documents, states.stream().mapToLong(IndexState::done).sum());
      assertTrue(states.stream().allMatch(s -> s.memoryBytes() > 0));
      // English stemming: "running" and "runs" are both "run".
      List<Long> run = new ArrayList<>(expectedWith("running", 0, 150));
      run.addAll(expectedWith("runs", 0, 150));
      run = run.stream().distinct().sorted().toList();
      assertEquals(run, keysWith(db, "run"));
      insert(t, 150, 160);
      t.apply(List.of(new RowChange.Delete(4L)));
      assertFalse(keysWith(db, "run").contains(4L), "deleted rows are masked, not indexed");
      written = Files.readAllBytes(dir.resolve("indexes").resolve(
          SegmentIndexFiles.fileName(def, states.get(0).segment())));
    }
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      IndexDef def = db.indexes().get(0);
      assertEquals(new TextIndexOptions("english"), def.text(), "catalog entry round trip");
      assertTrue(db.indexStates().stream().allMatch(s -> s.phase() == IndexState.Phase.READY),
          "loaded at open, not rebuilt: " + db.indexStates());
      Path first = dir.resolve("indexes").resolve(SegmentIndexFiles.fileName(def,
          db.indexStates().get(0).segment()));
      assertArrayEquals(written, Files.readAllBytes(first));
      List<Long> green = new ArrayList<>(expectedWith("green", 0, 150));
      assertTrue(green.remove(4L), "row 4, deleted before the restart, says green");
      assertEquals(green, keysWith(db, "green"));
    }
  }

  @Test
  void damagedFileIsRebuiltAtOpen() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      db.createTable("DOCS", COLUMNS, 0);
      insert(db.table("DOCS").orElseThrow(), 0, 80);
      db.createTextIndex("DOCS_BODY", "DOCS", 1, TextIndexOptions.DEFAULT);
    }
    Path file = textFile();
    byte[] bytes = Files.readAllBytes(file);
    byte[] damaged = bytes.clone();
    damaged[damaged.length / 2] ^= 0x21;
    Files.write(file, damaged);
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < deadline && !db.indexStates().stream()
          .allMatch(s -> s.phase() == IndexState.Phase.READY)) {
        Thread.sleep(20);
      }
      assertEquals(expectedWith("blue", 0, 80), keysWith(db, "blue"));
    }
    assertArrayEquals(bytes, Files.readAllBytes(textFile()),
        "rebuilt from the same rows: the same file as before the damage");
  }

  @Test
  void mergedSegmentsGetTheirTextIndexBeforeTheSwitch() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      db.createTable("DOCS", COLUMNS, 0);
      TableStore t = db.table("DOCS").orElseThrow();
      insert(t, 0, 250);
      db.createTextIndex("DOCS_BODY", "DOCS", 1, TextIndexOptions.DEFAULT);
      t.apply(List.of(new RowChange.Delete(7L), new RowChange.Delete(120L)));
      List<Integer> sealed = db.segments().stream().filter(SegmentInfo::sealed)
          .map(SegmentInfo::segment).toList();
      assertEquals(3, sealed.size());
      assertTrue(db.merge("DOCS", sealed, () -> false));
      List<IndexState> states = db.indexStates();
      assertEquals(1, states.size(), states.toString());
      assertEquals(IndexState.Phase.READY, states.get(0).phase());
      List<Long> expected = new ArrayList<>(expectedWith("fox", 0, 250));
      expected.removeAll(List.of(7L, 120L));
      assertEquals(expected, keysWith(db, "fox"));
      assertTrue(textFile().getFileName().toString()
          .endsWith("-segment-" + states.get(0).segment() + ".text"));
    }
  }

  @Test
  void dropIndexAndDropTableDeleteTheFiles() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      db.createTable("DOCS", COLUMNS, 0);
      insert(db.table("DOCS").orElseThrow(), 0, 120);
      db.createTextIndex("A", "DOCS", 1, TextIndexOptions.DEFAULT);
      assertEquals(2, textFiles().size());
      assertTrue(db.dropIndex("A"));
      assertEquals(List.of(), textFiles());
      db.createTextIndex("B", "DOCS", 1, TextIndexOptions.DEFAULT);
      assertEquals(2, textFiles().size());
      assertTrue(db.dropTable("DOCS"));
      assertEquals(List.of(), textFiles());
      assertEquals(List.of(), db.indexes());
    }
  }

  private List<Path> textFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("indexes"))) {
      return files.filter(f -> f.toString().endsWith(".text")).toList();
    }
  }

  @Test
  void columnsAreChecked() {
    try (RocksDatabase db = RocksDatabase.open(dir, options())) {
      db.createTable("DOCS", COLUMNS, 0);
      StorageException notText = assertThrows(StorageException.class,
          () -> db.createTextIndex("I", "DOCS", 2, TextIndexOptions.DEFAULT));
      assertEquals(ErrorCode.DATATYPE_MISMATCH, notText.code());
      assertTrue(notText.getMessage().contains("V is VECTOR(2)"), notText.getMessage());
      db.createTextIndex("I", "DOCS", 1, TextIndexOptions.DEFAULT);
      StorageException twice = assertThrows(StorageException.class,
          () -> db.createTextIndex("J", "DOCS", 1, new TextIndexOptions("simple")));
      assertEquals(ErrorCode.DUPLICATE_OBJECT, twice.code());
      assertTrue(db.dropIndex("I"));
      db.createTextIndex("J", "DOCS", 1, new TextIndexOptions("simple"));
      assertEquals(List.of("J"), db.indexes().stream().map(IndexDef::name).toList());
    }
  }
}
