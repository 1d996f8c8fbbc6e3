package dev.azimuth.storage.rocks;

import dev.azimuth.storage.SegmentView;
import java.util.BitSet;

/**
 * A segment as a transaction sees it: the snapshot's segment with the rows the transaction
 * deleted or updated (its own, uncommitted changes) masked out. Immutable.
 */
final class MaskedSegment implements SegmentView {
  private final SegmentView base;
  private final BitSet removed;
  private final int liveCount;

  /** @param removed ordinals removed by the transaction, all live in {@code base}; not changed */
  MaskedSegment(SegmentView base, BitSet removed) {
    this.base = base;
    this.removed = removed;
    this.liveCount = base.liveCount() - removed.cardinality();
  }

  @Override public int id() {
    return base.id();
  }

  @Override public boolean sealed() {
    return base.sealed();
  }

  @Override public int size() {
    return base.size();
  }

  @Override public int liveCount() {
    return liveCount;
  }

  @Override public boolean isLive(int ordinal) {
    return base.isLive(ordinal) && !removed.get(ordinal);
  }

  @Override public Object key(int ordinal) {
    return base.key(ordinal);
  }

  @Override public float[] vectors(int column) {
    return base.vectors(column);
  }

  @Override public boolean hasNulls(int column) {
    return base.hasNulls(column);
  }

  @Override public boolean isNull(int column, int ordinal) {
    return base.isNull(column, ordinal);
  }

  @Override public Object value(int column, int ordinal) {
    return base.value(column, ordinal);
  }
}
