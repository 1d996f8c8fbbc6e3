package dev.azimuth.storage.rocks;

import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowCursor;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.TableDef;
import dev.azimuth.index.graph.VectorGraph;
import dev.azimuth.index.text.SegmentTextIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/**
 * A table as of one RocksDB snapshot plus the matching segment snapshot (shared with the other
 * tables of the same database snapshot, if it came from one). Reads may run on
 * several threads at once: the segment snapshots are immutable, and the little mutable state
 * (open iterators, graph leases) is guarded by the view's lock.
 */
final class RocksReadView implements ReadView {
  private final RocksStore store;
  private final TableDef def;
  private final List<SegmentMirror.Snapshot> segments;
  private final IndexLookup indexes;
  private final Map<Long, IndexHandle> leases = new HashMap<>();
  private final SharedSnapshot snapshot;
  private final ReadOptions readOptions;
  private final ColumnType keyType;
  private final List<RocksIterator> iterators = new ArrayList<>();
  private boolean closed;

  /** @param snapshot a reference the view takes over and releases when it closes */
  RocksReadView(RocksStore store, TableDef def, List<SegmentMirror.Snapshot> segments,
      SharedSnapshot snapshot, IndexLookup indexes) {
    this.store = store;
    this.def = def;
    this.segments = List.copyOf(segments);
    this.indexes = indexes;
    this.snapshot = snapshot;
    this.readOptions = snapshot.readOptions();
    this.keyType = def.keyColumn().type();
    store.register(this);
  }

  @Override public TableDef definition() {
    return def;
  }

  @Override public long rowCount() {
    long live = 0;
    for (SegmentMirror.Snapshot s : segments) {
      live += s.liveCount();
    }
    return live;
  }

  @Override public RowCursor scan(int[] columns) {
    byte[] prefix = Layout.tablePrefix(def.id());
    RocksIterator it = register(store.iterator(store.rows(), readOptions));
    it.seek(prefix);
    return new RowCursor() {
      private boolean started;
      private RowCodec.Location location;

      @Override public boolean next() {
        if (started) {
          it.next();
        }
        started = true;
        if (!it.isValid() || !Layout.hasPrefix(it.key(), prefix)) {
          location = null;
          return false;
        }
        location = RowCodec.location(it.value());
        return true;
      }

      @Override public Object[] values() {
        return segment(location.segment()).row(columns, location.ordinal());
      }

      @Override public long rowId() {
        return ReadView.rowId(location.segment(), location.ordinal());
      }

      @Override public void close() {
        release(it);
      }
    };
  }

  private synchronized RocksIterator register(RocksIterator it) {
    iterators.add(it);
    return it;
  }

  private synchronized void release(RocksIterator it) {
    if (iterators.remove(it)) {
      it.close();
    }
  }

  @Override public RowCursor scanBySegment(int[] columns) {
    return new RowCursor() {
      private int segmentIndex;
      private int ordinal = -1;

      @Override public boolean next() {
        while (segmentIndex < segments.size()) {
          SegmentMirror.Snapshot s = segments.get(segmentIndex);
          ordinal++;
          while (ordinal < s.size() && !s.isLive(ordinal)) {
            ordinal++;
          }
          if (ordinal < s.size()) {
            return true;
          }
          segmentIndex++;
          ordinal = -1;
        }
        return false;
      }

      @Override public Object[] values() {
        return segments.get(segmentIndex).row(columns, ordinal);
      }

      @Override public Object[] valuesAndRowId() {
        SegmentMirror.Snapshot s = segments.get(segmentIndex);
        Object[] row = s.row(columns, ordinal, 1);
        row[columns.length] = ReadView.rowId(s.id(), ordinal);
        return row;
      }

      @Override public long rowId() {
        return ReadView.rowId(segments.get(segmentIndex).id(), ordinal);
      }

      @Override public void close() {}
    };
  }

  @Override public Object[] get(Object key, int[] columns) {
    byte[] value = store.get(store.rows(), readOptions,
        Layout.rowKey(def.id(), KeyCodec.encode(keyType, key)));
    if (value == null) {
      return null;
    }
    RowCodec.Location loc = RowCodec.location(value);
    return segment(loc.segment()).row(columns, loc.ordinal());
  }

  @Override public long locate(Object key) {
    byte[] value = store.get(store.rows(), readOptions,
        Layout.rowKey(def.id(), KeyCodec.encode(keyType, key)));
    if (value == null) {
      return -1;
    }
    RowCodec.Location loc = RowCodec.location(value);
    return ReadView.rowId(loc.segment(), loc.ordinal());
  }

  /** The segment of this view with this id, or null. */
  SegmentMirror.Snapshot segmentView(int id) {
    return segment(id);
  }

  @Override public Object[] getByRowId(long rowId, int[] columns) {
    int ordinal = ReadView.ordinalOf(rowId);
    SegmentMirror.Snapshot segment = segment(ReadView.segmentOf(rowId));
    if (segment == null || !segment.isLive(ordinal)) {
      return null;
    }
    return segment.row(columns, ordinal);
  }

  @Override public List<SegmentView> segments() {
    return List.copyOf(segments);
  }

  @Override public VectorGraph graph(int segment, long indexId) {
    return lease(segment, indexId) instanceof SegmentIndex.Graph g ? g.graph() : null;
  }

  @Override public SegmentTextIndex textIndex(int segment, long indexId) {
    return lease(segment, indexId) instanceof SegmentIndex.Text t ? t.index() : null;
  }

  @Override public dev.azimuth.index.sorted.SortedOrdinals sortedIndex(int segment,
      long indexId) {
    return lease(segment, indexId) instanceof SegmentIndex.Sorted s ? s.ordinals() : null;
  }

  /** The segment's index, leased until the view closes; null while it is not ready. */
  private synchronized SegmentIndex lease(int segment, long indexId) {
    long leaseKey = ((long) segment << 40) ^ indexId;
    IndexHandle held = leases.get(leaseKey);
    if (held != null) {
      return held.index();
    }
    IndexHandle handle = indexes.acquire(indexId, segment);
    if (handle == null) {
      return null;
    }
    leases.put(leaseKey, handle);
    return handle.index();
  }

  private SegmentMirror.Snapshot segment(int id) {
    for (SegmentMirror.Snapshot s : segments) {
      if (s.id() == id) {
        return s;
      }
    }
    return null;
  }

  @Override public synchronized void close() {
    if (!closed) {
      closed = true;
      for (RocksIterator it : iterators) {
        it.close();
      }
      iterators.clear();
      for (IndexHandle h : leases.values()) {
        h.release();
      }
      leases.clear();
      snapshot.release();
      store.unregister(this);
    }
  }
}
