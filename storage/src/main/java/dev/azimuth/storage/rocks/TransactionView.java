package dev.azimuth.storage.rocks;

import dev.azimuth.index.graph.VectorGraph;
import dev.azimuth.index.text.SegmentTextIndex;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowCursor;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A table as one statement of a transaction sees it: the transaction's snapshot with the
 * transaction's own writes so far laid over it. Rows it removed are masked out of the
 * snapshot's segments; rows it added form one more, unsealed segment, which searches scan
 * exactly, as they do the growing segment. Holds a reference on the transaction's snapshot,
 * so that it stays readable after the transaction ends, until it is closed. Safe for
 * concurrent reads.
 */
final class TransactionView implements ReadView {
  private final RocksSnapshot snapshot;
  private final RocksReadView base;
  private final TableWrites.Frozen writes;
  private final List<SegmentView> segments;
  private final ColumnType keyType;
  private boolean closed;

  /**
   * @param snapshot a reference the view takes over and releases when it closes
   * @param base     the snapshot's view of the table
   * @param writes   the transaction's writes to it, or null if there are none
   */
  TransactionView(RocksSnapshot snapshot, RocksReadView base, TableWrites.Frozen writes) {
    this.snapshot = snapshot;
    this.base = base;
    this.writes = writes;
    this.keyType = base.definition().keyColumn().type();
    if (writes == null) {
      this.segments = base.segments();
    } else {
      List<SegmentView> all = new ArrayList<>();
      for (SegmentView s : base.segments()) {
        BitSet removed = writes.removed(s.id());
        all.add(removed == null ? s : new MaskedSegment(s, removed));
      }
      all.add(writes.overlay());
      this.segments = List.copyOf(all);
    }
  }

  @Override public TableDef definition() {
    return base.definition();
  }

  @Override public long rowCount() {
    long live = 0;
    for (SegmentView s : segments) {
      live += s.liveCount();
    }
    return live;
  }

  @Override public RowCursor scan(int[] columns) {
    if (writes == null) {
      return base.scan(columns);
    }
    return new MergedCursor(columns);
  }

  @Override public RowCursor scanBySegment(int[] columns) {
    return new RowCursor() {
      private int segmentIndex;
      private int ordinal = -1;

      @Override public boolean next() {
        while (segmentIndex < segments.size()) {
          SegmentView s = segments.get(segmentIndex);
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
        return getByRowId(rowId(), columns);
      }

      @Override public long rowId() {
        return ReadView.rowId(segments.get(segmentIndex).id(), ordinal);
      }

      @Override public void close() {}
    };
  }

  @Override public Object[] get(Object key, int[] columns) {
    long rowId = locate(key);
    return rowId < 0 ? null : getByRowId(rowId, columns);
  }

  @Override public long locate(Object key) {
    if (writes != null) {
      int ordinal = writes.liveOrdinal(key);
      if (ordinal >= 0) {
        return ReadView.rowId(TableWrites.OVERLAY_SEGMENT, ordinal);
      }
    }
    long rowId = base.locate(key);
    return rowId < 0 || writes != null && writes.isRemoved(rowId) ? -1 : rowId;
  }

  @Override public Object[] getByRowId(long rowId, int[] columns) {
    if (writes == null) {
      return base.getByRowId(rowId, columns);
    }
    if (ReadView.segmentOf(rowId) == TableWrites.OVERLAY_SEGMENT) {
      int ordinal = ReadView.ordinalOf(rowId);
      return writes.overlay().isLive(ordinal) ? writes.overlay().row(columns, ordinal) : null;
    }
    return writes.isRemoved(rowId) ? null : base.getByRowId(rowId, columns);
  }

  @Override public List<SegmentView> segments() {
    return segments;
  }

  @Override public VectorGraph graph(int segment, long indexId) {
    return segment == TableWrites.OVERLAY_SEGMENT ? null : base.graph(segment, indexId);
  }

  @Override public dev.azimuth.index.sorted.SortedOrdinals sortedIndex(int segment,
      long indexId) {
    return segment == TableWrites.OVERLAY_SEGMENT ? null : base.sortedIndex(segment, indexId);
  }

  @Override public SegmentTextIndex textIndex(int segment, long indexId) {
    return segment == TableWrites.OVERLAY_SEGMENT ? null : base.textIndex(segment, indexId);
  }

  @Override public synchronized void close() {
    if (!closed) {
      closed = true;
      snapshot.close();
    }
  }

  /**
   * The snapshot's rows in key order, without the removed ones, merged with the added rows
   * sorted by their encoded keys (the order RocksDB keeps the snapshot's rows in).
   */
  private final class MergedCursor implements RowCursor {
    private final int[] columns;
    private final RowCursor snapshotRows;
    private final int[] added;
    private final byte[][] addedKeys;
    private int nextAdded;
    private boolean snapshotValid;
    private byte[] snapshotKey;
    private long current = -1;

    MergedCursor(int[] columns) {
      this.columns = columns;
      this.snapshotRows = base.scan(new int[0]);
      SegmentMirror.Snapshot overlay = writes.overlay();
      List<Integer> live = new ArrayList<>();
      for (int o = 0; o < overlay.size(); o++) {
        if (overlay.isLive(o)) {
          live.add(o);
        }
      }
      byte[][] keys = new byte[overlay.size()][];
      for (int o : live) {
        keys[o] = KeyCodec.encode(keyType, overlay.key(o));
      }
      live.sort((a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
      this.added = live.stream().mapToInt(Integer::intValue).toArray();
      this.addedKeys = new byte[added.length][];
      for (int i = 0; i < added.length; i++) {
        addedKeys[i] = keys[added[i]];
      }
      advanceSnapshot();
    }

    private void advanceSnapshot() {
      while (snapshotValid = snapshotRows.next()) {
        long rowId = snapshotRows.rowId();
        if (!writes.isRemoved(rowId)) {
          SegmentView s = base.segmentView(ReadView.segmentOf(rowId));
          snapshotKey = KeyCodec.encode(keyType, s.key(ReadView.ordinalOf(rowId)));
          return;
        }
      }
    }

    @Override public boolean next() {
      boolean haveAdded = nextAdded < added.length;
      if (!snapshotValid && !haveAdded) {
        current = -1;
        return false;
      }
      if (snapshotValid && (!haveAdded
          || Arrays.compareUnsigned(snapshotKey, addedKeys[nextAdded]) < 0)) {
        current = snapshotRows.rowId();
        advanceSnapshot();
      } else {
        current = ReadView.rowId(TableWrites.OVERLAY_SEGMENT, added[nextAdded++]);
      }
      return true;
    }

    @Override public Object[] values() {
      return getByRowId(current, columns);
    }

    @Override public long rowId() {
      return current;
    }

    @Override public void close() {
      snapshotRows.close();
    }
  }
}
