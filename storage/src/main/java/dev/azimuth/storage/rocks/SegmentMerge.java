package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.TableDef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One merge of sealed segments into a new one. The live rows, as of a read view, are copied
 * into a new segment whose entries are written under an id no segment list names yet; its
 * graphs are built; then one synced batch, under the table's write lock, repoints the rows,
 * marks rows deleted since the copy, swaps the segment list and drops the sources. A crash
 * before that batch leaves the sources in place and the new entries as leftovers that the next
 * open removes; after it, only the new segment. Not thread-safe: run once, on one thread.
 */
final class SegmentMerge {
  private static final Logger LOG = Logger.getLogger(SegmentMerge.class.getName());
  /** Rows per batch while writing the new segment's entries before the switch. */
  private static final int CHUNK = 2_048;

  private final RocksStore store;
  private final IndexService indexes;
  private final RocksTable table;
  private final TableDef def;
  private final List<Integer> sources;
  private final BooleanSupplier cancelled;
  // Where each row of the new segment came from, and its rows-CF entry at its new location.
  private int[] fromSource;
  private int[] fromOrdinal;
  private byte[][] rowKeys;
  private byte[][] rowValues;

  SegmentMerge(RocksStore store, IndexService indexes, RocksTable table, List<Integer> sources,
      BooleanSupplier cancelled) {
    this.store = store;
    this.indexes = indexes;
    this.table = table;
    this.def = table.definition();
    this.sources = List.copyOf(sources);
    this.cancelled = cancelled;
  }

  /**
   * Runs the merge to its end.
   *
   * @return whether it committed (false if a source went away, or the table was dropped)
   * @throws CancellationException if {@code cancelled} turned true; nothing is left behind
   */
  boolean run() throws IOException {
    long start = System.nanoTime();
    SegmentMirror merged = copy();
    if (merged == null) {
      return table.replaceSealed(sources, null, replacement(null, List.of(), new boolean[1]),
          def);
    }
    boolean[] committed = new boolean[1];
    List<IndexService.PreparedIndex> graphs = List.of();
    try {
      long copied = System.nanoTime();
      writeEntries(merged.published());
      long written = System.nanoTime();
      graphs = indexes.prepare(def, merged.published(), cancelled);
      long indexed = System.nanoTime();
      if (table.replaceSealed(sources, merged, replacement(merged, graphs, committed), def)) {
        long switched = System.nanoTime();
        LOG.fine(() -> String.format("table %s: merged segments %s into %d (%d rows): copy %d ms,"
            + " write %d ms, graphs %d ms, switch %d ms", def.name(), sources, merged.id(),
            merged.size(), ms(copied - start), ms(written - copied), ms(indexed - written),
            ms(switched - indexed)));
        // Indexes created while the merge ran have no graph over the new segment yet.
        indexes.sealed(table, merged);
        return true;
      }
      return false;
    } finally {
      if (!committed[0]) {
        graphs.forEach(IndexService.PreparedIndex::discard);
        removeEntries(merged.id());
      }
    }
  }

  /** Copies the sources' live rows into a new sealed mirror; null if none is live. */
  private SegmentMirror copy() {
    int[] all = new int[def.columns().size()];
    for (int c = 0; c < all.length; c++) {
      all[c] = c;
    }
    try (ReadView view = table.openRead()) {
      List<SegmentView> from = new ArrayList<>();
      int live = 0;
      for (int id : sources) {
        SegmentView s = view.segments().stream().filter(v -> v.id() == id).findFirst()
            .orElseThrow(() -> new StorageException(ErrorCode.INTERNAL_ERROR,
                "table " + def.name() + " has no segment " + id + " to merge"));
        from.add(s);
        live += s.liveCount();
      }
      if (live == 0) {
        return null;
      }
      SegmentMirror merged = new SegmentMirror(table.reserveSegmentId(), def);
      fromSource = new int[live];
      fromOrdinal = new int[live];
      rowKeys = new byte[live][];
      rowValues = new byte[live][];
      for (int si = 0; si < from.size(); si++) {
        SegmentView s = from.get(si);
        for (int o = 0; o < s.size(); o++) {
          if (!s.isLive(o)) {
            continue;
          }
          Object key = s.key(o);
          // The whole row, so that whatever the mirror keeps of it comes along.
          Object[] row = view.get(key, all);
          if (row == null) {
            throw new StorageException(ErrorCode.INTERNAL_ERROR, "table " + def.name()
                + ": live row at segment " + s.id() + " ordinal " + o + " has no entry");
          }
          int n = merged.append(key, row);
          fromSource[n] = si;
          fromOrdinal[n] = o;
          rowKeys[n] = Layout.rowKey(def.id(), KeyCodec.encode(def.keyColumn().type(), key));
          rowValues[n] = RowCodec.encode(def, row, merged.id(), n);
        }
        checkCancelled();
      }
      merged.seal();
      return merged;
    }
  }

  /** Writes the new segment's key and vector entries, in chunks, before it is listed. */
  private void writeEntries(SegmentMirror.Snapshot s) {
    List<Integer> vectorColumns = new ArrayList<>();
    for (int c = 0; c < def.columns().size(); c++) {
      if (def.columns().get(c).type() == ColumnType.VECTOR) {
        vectorColumns.add(c);
      }
    }
    for (int start = 0; start < s.size(); start += CHUNK) {
      checkCancelled();
      try (WriteBatch batch = new WriteBatch()) {
        for (int n = start; n < Math.min(s.size(), start + CHUNK); n++) {
          batch.put(store.segments(), Layout.segmentKey(def.id(), s.id(), n, Layout.KEY_PART),
              KeyCodec.encode(def.keyColumn().type(), s.key(n)));
          for (int c : vectorColumns) {
            float[] v = s.vector(c, n);
            if (v != null) {
              ColumnDef column = def.columns().get(c);
              batch.put(store.segments(), Layout.segmentKey(def.id(), s.id(), n, column.id()),
                  RocksTable.floatsToBytes(v));
            }
          }
        }
        store.write(batch);
      } catch (RocksDBException e) {
        throw new StorageException(ErrorCode.IO_ERROR, "could not write merged segment "
            + s.id() + " of table " + def.name() + ": " + e.getMessage(), e);
      }
    }
  }

  private RocksTable.Replacement replacement(SegmentMirror merged,
      List<IndexService.PreparedIndex> graphs, boolean[] committed) {
    return new RocksTable.Replacement() {
      @Override public void fill(WriteBatch batch, List<SegmentMirror.Snapshot> now)
          throws RocksDBException {
        if (merged == null) {
          return;
        }
        // Rows deleted or updated away since the copy: their old ordinal is deleted now, and
        // their rows entry is gone or points elsewhere, so it must not be overwritten.
        for (int n = 0; n < rowKeys.length; n++) {
          if (now.get(fromSource[n]).isLive(fromOrdinal[n])) {
            batch.put(store.rows(), rowKeys[n], rowValues[n]);
          } else {
            merged.delete(n);
            batch.put(store.deletes(), Layout.deleteKey(def.id(), merged.id(), n), new byte[0]);
          }
        }
        merged.publish();
      }

      @Override public void commit(WriteBatch batch, Runnable swap) throws RocksDBException {
        indexes.replace(def.id(), sources, graphs, batch, b -> {
          store.writeSynced(b);
          committed[0] = true;
          swap.run();
        });
      }
    };
  }

  private void removeEntries(int segment) {
    try (WriteBatch batch = new WriteBatch()) {
      batch.deleteRange(store.segments(), Layout.segmentKey(def.id(), segment, 0, 0),
          Layout.segmentKey(def.id(), segment + 1, 0, 0));
      store.write(batch);
    } catch (RocksDBException e) {
      // Unlisted entries: the next open removes them.
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private void checkCancelled() {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("merge of table " + def.name() + " cancelled");
    }
  }
}
