package dev.azimuth.storage.rocks;

import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowCursor;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/** A table as of one RocksDB snapshot plus the matching segment snapshot. */
final class RocksReadView implements ReadView {
  private final RocksStore store;
  private final TableDef def;
  private final GrowingSegment.Snapshot segment;
  private final Snapshot snapshot;
  private final ReadOptions readOptions;
  private final ColumnType keyType;
  private final List<RocksIterator> iterators = new ArrayList<>();
  private boolean closed;

  RocksReadView(RocksStore store, TableDef def, GrowingSegment.Snapshot segment,
      Snapshot snapshot) {
    this.store = store;
    this.def = def;
    this.segment = segment;
    this.snapshot = snapshot;
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
    this.keyType = def.keyColumn().type();
    store.register(this);
  }

  @Override public TableDef definition() {
    return def;
  }

  @Override public long rowCount() {
    return segment.liveCount();
  }

  @Override public RowCursor scan(int[] columns) {
    byte[] prefix = Layout.tablePrefix(def.id());
    RocksIterator it = store.iterator(store.rows(), readOptions);
    iterators.add(it);
    it.seek(prefix);
    return new RowCursor() {
      private boolean started;
      private byte[] value;

      @Override public boolean next() {
        if (started) {
          it.next();
        }
        started = true;
        if (!it.isValid() || !Layout.hasPrefix(it.key(), prefix)) {
          value = null;
          return false;
        }
        value = it.value();
        return true;
      }

      @Override public Object[] values() {
        return project(value, columns);
      }

      @Override public long rowId() {
        RowCodec.Location loc = RowCodec.location(value);
        return ReadView.rowId(loc.segment(), loc.ordinal());
      }

      @Override public void close() {
        if (iterators.remove(it)) {
          it.close();
        }
      }
    };
  }

  @Override public Object[] get(Object key, int[] columns) {
    byte[] value = store.get(store.rows(), readOptions,
        Layout.rowKey(def.id(), KeyCodec.encode(keyType, key)));
    return value == null ? null : project(value, columns);
  }

  @Override public Object[] getByRowId(long rowId, int[] columns) {
    int ordinal = ReadView.ordinalOf(rowId);
    if (ReadView.segmentOf(rowId) != segment.id() || !segment.isLive(ordinal)) {
      return null;
    }
    return get(segment.key(ordinal), columns);
  }

  @Override public List<SegmentView> segments() {
    return List.of(segment);
  }

  private Object[] project(byte[] value, int[] columns) {
    boolean[] vectorNull = new boolean[def.columns().size()];
    Object[] full = RowCodec.decode(def, value, vectorNull);
    Object[] out = new Object[columns.length];
    RowCodec.Location loc = null;
    for (int i = 0; i < columns.length; i++) {
      int c = columns[i];
      if (def.columns().get(c).type() == ColumnType.VECTOR) {
        if (!vectorNull[c]) {
          if (loc == null) {
            loc = RowCodec.location(value);
          }
          out[i] = segment.vector(c, loc.ordinal());
        }
      } else {
        out[i] = full[c];
      }
    }
    return out;
  }

  @Override public void close() {
    if (!closed) {
      closed = true;
      for (RocksIterator it : iterators) {
        it.close();
      }
      iterators.clear();
      readOptions.close();
      store.release(snapshot);
      store.unregister(this);
    }
  }
}
