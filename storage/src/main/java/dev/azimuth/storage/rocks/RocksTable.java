package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.RowValidator;
import dev.azimuth.storage.StorageException;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * A table stored in RocksDB: rows by key, vectors in its growing segment (mirrored in memory by
 * {@link GrowingSegment}), deletions as markers. One statement is one {@link WriteBatch}.
 */
final class RocksTable implements TableStore {
  /** Segment that takes new rows. Sealing into further segments comes with ANN indexes. */
  static final int GROWING_SEGMENT_ID = 1;

  private final RocksStore store;
  private final TableDef def;
  private final ColumnType keyType;
  private final GrowingSegment growing;
  private final ReentrantLock writeLock = new ReentrantLock();

  RocksTable(RocksStore store, TableDef def) {
    this.store = store;
    this.def = def;
    this.keyType = def.keyColumn().type();
    this.growing = new GrowingSegment(GROWING_SEGMENT_ID, def);
  }

  @Override public TableDef definition() {
    return def;
  }

  @Override public long rowCount() {
    return growing.published().liveCount();
  }

  @Override public ReadView openRead() {
    // Under the write lock so that the RocksDB snapshot and the segment snapshot agree.
    writeLock.lock();
    try {
      return new RocksReadView(store, def, growing.published(), store.snapshot());
    } finally {
      writeLock.unlock();
    }
  }

  @Override public long apply(List<RowChange> changes) {
    List<Object[]> validated = new ArrayList<>(changes.size());
    for (RowChange change : changes) {
      validated.add(switch (change) {
        case RowChange.Insert i -> RowValidator.validate(def, i.row());
        case RowChange.Upsert u -> RowValidator.validate(def, u.row());
        case RowChange.Update u -> RowValidator.validate(def, u.row());
        case RowChange.Delete d -> null;
      });
    }
    writeLock.lock();
    try {
      return applyLocked(changes, validated);
    } finally {
      writeLock.unlock();
    }
  }

  private long applyLocked(List<RowChange> changes, List<Object[]> rows) {
    // Key -> row bytes as this statement leaves it; a null value means "deleted here".
    Map<Object, byte[]> pending = new HashMap<>();
    long affected = 0;
    boolean[] skipped = new boolean[changes.size()];
    try (WriteBatch batch = new WriteBatch()) {
      // Removals first, so key checks below see the statement's end state (an UPDATE that
      // shifts keys must not collide with rows it moves out of the way).
      for (int i = 0; i < changes.size(); i++) {
        Object oldKey = switch (changes.get(i)) {
          case RowChange.Delete d -> d.key();
          case RowChange.Update u -> u.oldKey();
          default -> null;
        };
        if (oldKey == null) {
          continue;
        }
        byte[] existing = current(pending, oldKey);
        if (existing == null) {
          skipped[i] = true;
          continue;
        }
        remove(batch, pending, oldKey, existing);
        if (changes.get(i) instanceof RowChange.Delete) {
          affected++;
        }
      }
      for (int i = 0; i < changes.size(); i++) {
        RowChange change = changes.get(i);
        if (change instanceof RowChange.Delete || skipped[i]) {
          continue;
        }
        Object[] row = rows.get(i);
        Object key = row[def.primaryKey()];
        byte[] existing = current(pending, key);
        if (existing != null) {
          if (!(change instanceof RowChange.Upsert)) {
            throw new StorageException(ErrorCode.UNIQUE_VIOLATION, "duplicate key value: "
                + def.keyColumn().name() + " = " + render(key) + " already exists in table "
                + def.name());
          }
          remove(batch, pending, key, existing);
        }
        int ordinal = growing.append(key, row);
        byte[] value = RowCodec.encode(def, row, growing.id(), ordinal);
        batch.put(store.rows(), Layout.rowKey(def.id(), KeyCodec.encode(keyType, key)), value);
        batch.put(store.segments(),
            Layout.segmentKey(def.id(), growing.id(), ordinal, Layout.KEY_PART),
            KeyCodec.encode(keyType, key));
        for (int c = 0; c < row.length; c++) {
          ColumnDef column = def.columns().get(c);
          if (column.type() == ColumnType.VECTOR && row[c] != null) {
            batch.put(store.segments(),
                Layout.segmentKey(def.id(), growing.id(), ordinal, column.id()),
                floatsToBytes((float[]) row[c]));
          }
        }
        pending.put(key, value);
        affected++;
      }
      store.write(batch);
      growing.publish();
      return affected;
    } catch (RuntimeException | RocksDBException e) {
      growing.rollback();
      if (e instanceof RocksDBException r) {
        throw new StorageException(ErrorCode.IO_ERROR,
            "could not write to table " + def.name() + ": " + r.getMessage(), r);
      }
      throw (RuntimeException) e;
    }
  }

  /** The row bytes under a key as the statement sees it so far, or null. */
  private byte[] current(Map<Object, byte[]> pending, Object key) {
    if (pending.containsKey(key)) {
      return pending.get(key);
    }
    return store.get(store.rows(), Layout.rowKey(def.id(), KeyCodec.encode(keyType, key)));
  }

  private void remove(WriteBatch batch, Map<Object, byte[]> pending, Object key, byte[] value)
      throws RocksDBException {
    RowCodec.Location loc = RowCodec.location(value);
    batch.delete(store.rows(), Layout.rowKey(def.id(), KeyCodec.encode(keyType, key)));
    batch.put(store.deletes(), Layout.deleteKey(def.id(), loc.segment(), loc.ordinal()),
        new byte[0]);
    growing.delete(loc.ordinal());
    pending.put(key, null);
  }

  /** Rebuilds the in-memory segment from what is on disk; called once, at open. */
  void recover() {
    byte[] prefix = Layout.tablePrefix(def.id());
    Map<Integer, Integer> columnById = new HashMap<>();
    List<Integer> vectorColumns = new ArrayList<>();
    for (int c = 0; c < def.columns().size(); c++) {
      columnById.put(def.columns().get(c).id(), c);
      if (def.columns().get(c).type() == ColumnType.VECTOR) {
        vectorColumns.add(c);
      }
    }
    Map<Integer, BitSet> present = new HashMap<>();
    for (int c : vectorColumns) {
      present.put(c, new BitSet());
    }
    try (RocksIterator it = store.iterator(store.segments())) {
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        ByteBuffer k = ByteBuffer.wrap(it.key());
        k.getLong();
        int segment = k.getInt();
        int ordinal = k.getInt();
        int part = k.getShort();
        if (segment != growing.id()) {
          continue;
        }
        if (part == Layout.KEY_PART) {
          byte[] v = it.value();
          growing.restore(ordinal, KeyCodec.decode(keyType, v, 0, v.length), -1, null);
        } else {
          int column = columnById.get(part);
          growing.restore(ordinal, null, column, bytesToFloats(it.value()));
          present.get(column).set(ordinal);
        }
      }
    }
    for (int c : vectorColumns) {
      BitSet seen = present.get(c);
      for (int o = seen.nextClearBit(0); o < growing.size(); o = seen.nextClearBit(o + 1)) {
        growing.restoreNull(c, o);
      }
    }
    try (RocksIterator it = store.iterator(store.deletes())) {
      for (it.seek(prefix); it.isValid() && Layout.hasPrefix(it.key(), prefix); it.next()) {
        ByteBuffer k = ByteBuffer.wrap(it.key());
        k.getLong();
        if (k.getInt() == growing.id()) {
          growing.delete(k.getInt());
        }
      }
    }
    growing.publish();
  }

  static byte[] floatsToBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] bytesToFloats(byte[] bytes) {
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  private static String render(Object key) {
    return key instanceof String s ? "'" + s + "'" : String.valueOf(key);
  }
}
