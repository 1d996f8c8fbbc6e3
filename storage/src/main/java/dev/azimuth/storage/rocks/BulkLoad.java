package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The bulk path of {@link RocksTable#insertBatch}: a batch with at least a segment's worth of
 * rows becomes whole sealed segments whose key and vector entries are written as sorted files
 * and ingested into RocksDB under segment ids no segment list names yet, bypassing the
 * write-ahead log, the memtables and later compactions (vectors are most of a table's bytes).
 * They become part of the table only with the batch that writes the rows' entries and the new
 * segment list; a crash before it leaves unlisted entries that the next open removes, as after
 * an interrupted merge. In-memory databases cannot ingest files: their new segments' entries go
 * into that same batch instead ({@link #addEntries}). Stateless.
 */
final class BulkLoad {
  private BulkLoad() {}

  /**
   * Builds and writes the first {@code segments × segmentRows} rows as sealed segments (not yet
   * listed, so invisible), in the rows' order.
   */
  static List<SegmentMirror> write(RocksTable table, RocksStore store, List<Object[]> rows,
      int segments, int segmentRows) {
    TableDef def = table.definition();
    List<SegmentMirror> written = new ArrayList<>();
    try {
      for (int s = 0; s < segments; s++) {
        SegmentMirror segment = new SegmentMirror(table.reserveSegmentId(), def);
        written.add(segment);
        for (Object[] row : rows.subList(s * segmentRows, (s + 1) * segmentRows)) {
          segment.append(row[def.primaryKey()], row);
        }
        segment.seal();
        if (store.canIngest()) {
          ingest(store, def, segment.published());
        }
      }
      return written;
    } catch (RuntimeException e) {
      discard(store, def, written);
      throw e;
    }
  }

  /** Adds the loaded rows' entries (rows family), at their new locations, to a batch. */
  static void addRows(WriteBatch batch, RocksStore store, TableDef def,
      List<SegmentMirror> segments, List<Object[]> rows, byte[][] encodedKeys)
      throws RocksDBException {
    int n = 0;
    for (SegmentMirror segment : segments) {
      for (int o = 0; o < segment.size(); o++, n++) {
        batch.put(store.rows(), Layout.rowKey(def.id(), encodedKeys[n]),
            RowCodec.encode(def, rows.get(n), segment.id(), o));
      }
    }
  }

  /**
   * The index of a key (encoded) that the table already has, or -1: one ordered pass of an
   * iterator over the table's rows, seeking only past gaps, so a batch of new keys beyond or
   * between the existing ones costs a few seeks rather than a lookup per key (a multi-get of
   * 100,000 keys cost more than writing them). Call under the table's write lock.
   */
  static int firstExisting(RocksStore store, TableDef def, byte[][] keys) {
    Integer[] order = new Integer[keys.length];
    byte[][] rowKeys = new byte[keys.length][];
    for (int i = 0; i < keys.length; i++) {
      order[i] = i;
      rowKeys[i] = Layout.rowKey(def.id(), keys[i]);
    }
    java.util.Arrays.sort(order, (a, b) -> java.util.Arrays.compareUnsigned(rowKeys[a],
        rowKeys[b]));
    byte[] prefix = Layout.tablePrefix(def.id());
    try (org.rocksdb.RocksIterator it = store.iterator(store.rows())) {
      int i = 0;
      if (keys.length > 0) {
        it.seek(rowKeys[order[0]]);
      }
      while (i < order.length && it.isValid() && Layout.hasPrefix(it.key(), prefix)) {
        byte[] existing = it.key();
        int cmp = java.util.Arrays.compareUnsigned(existing, rowKeys[order[i]]);
        if (cmp == 0) {
          return order[i];
        }
        if (cmp < 0) {
          it.seek(rowKeys[order[i]]);
        } else {
          while (i < order.length
              && java.util.Arrays.compareUnsigned(rowKeys[order[i]], existing) < 0) {
            i++;
          }
        }
      }
    }
    return -1;
  }

  /** Adds the segments' key and vector entries to a batch (when they were not ingested). */
  static void addEntries(WriteBatch batch, RocksStore store, TableDef def,
      List<SegmentMirror> segments) throws RocksDBException {
    for (SegmentMirror segment : segments) {
      SegmentMirror.Snapshot s = segment.published();
      for (int o = 0; o < s.size(); o++) {
        batch.put(store.segments(), Layout.segmentKey(def.id(), s.id(), o, Layout.KEY_PART),
            KeyCodec.encode(def.keyColumn().type(), s.key(o)));
        for (int c = 0; c < def.columns().size(); c++) {
          ColumnDef column = def.columns().get(c);
          float[] v = column.type() == ColumnType.VECTOR ? s.vector(c, o) : null;
          if (v != null) {
            batch.put(store.segments(), Layout.segmentKey(def.id(), s.id(), o, column.id()),
                RocksTable.floatsToBytes(v));
          }
        }
      }
    }
  }

  /** Removes the entries of segments that will not be listed after all. */
  static void discard(RocksStore store, TableDef def, List<SegmentMirror> segments) {
    if (segments.isEmpty()) {
      return;
    }
    try (WriteBatch batch = new WriteBatch()) {
      for (SegmentMirror s : segments) {
        batch.deleteRange(store.segments(), Layout.segmentKey(def.id(), s.id(), 0, 0),
            Layout.segmentKey(def.id(), s.id() + 1, 0, 0));
      }
      store.write(batch);
    } catch (RocksDBException e) {
      // Unlisted entries: the next open removes them.
    }
  }

  // Keys sort by (table, segment, ordinal, part): per ordinal the key part (0), then each
  // vector column by id.
  private static void ingest(RocksStore store, TableDef def, SegmentMirror.Snapshot s) {
    List<ColumnDef> vectors = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (int c = 0; c < def.columns().size(); c++) {
      if (def.columns().get(c).type() == ColumnType.VECTOR) {
        vectors.add(def.columns().get(c));
        indexes.add(c);
      }
    }
    Integer[] order = new Integer[vectors.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingInt(i -> vectors.get(i).id()));
    store.ingest(store.segments(), sink -> {
      for (int o = 0; o < s.size(); o++) {
        sink.put(Layout.segmentKey(def.id(), s.id(), o, Layout.KEY_PART),
            KeyCodec.encode(def.keyColumn().type(), s.key(o)));
        for (int i : order) {
          float[] v = s.vector(indexes.get(i), o);
          if (v != null) {
            sink.put(Layout.segmentKey(def.id(), s.id(), o, vectors.get(i).id()),
                RocksTable.floatsToBytes(v));
          }
        }
      }
    }, "segment " + s.id() + " of table " + def.name());
  }

  static StorageException failure(TableDef def, Exception e) {
    return new StorageException(ErrorCode.IO_ERROR,
        "could not write to table " + def.name() + ": " + e.getMessage(), e);
  }
}
