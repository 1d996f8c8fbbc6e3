package dev.azimuth.storage.rocks;

import dev.azimuth.storage.DuplicateKeyException;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.RowChange;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One table's uncommitted writes in a transaction, in memory only: the rows it added (new rows
 * and the new versions of updated ones) in a private segment of their own, which reads and
 * searches treat like a growing segment, and the snapshot's rows it removed (deleted, or
 * replaced by a new version), masked out of the snapshot's segments. Each write is kept as a
 * list of steps, so that a rollback to a savepoint can rebuild the state from a prefix.
 *
 * <p>Views take a {@link Frozen} state: the writer never changes what a frozen state shows
 * (the private segment publishes immutable snapshots; the masks are copied on write after a
 * freeze). Written by one thread at a time, as a connection is used.
 */
final class TableWrites {
  /** The id of the private segment: above every real segment id, so it sorts last. */
  static final int OVERLAY_SEGMENT = Integer.MAX_VALUE;

  /** One resolved step of the transaction's writes. */
  private sealed interface Step {
    /** Removes the live row with this key (one there is: checked when the step was made). */
    record Remove(Object key) implements Step {}

    /** Adds a row (no live row has its key: checked when the step was made). */
    record Add(Object[] row) implements Step {}
  }

  /** What a view sees of the writes: immutable as far as the view is concerned. */
  static final class Frozen {
    private final SegmentMirror.Snapshot overlay;
    private final Map<Integer, BitSet> removed;
    private final Map<Object, int[]> ordinals;

    private Frozen(SegmentMirror.Snapshot overlay, Map<Integer, BitSet> removed,
        Map<Object, int[]> ordinals) {
      this.overlay = overlay;
      this.removed = removed;
      this.ordinals = ordinals;
    }

    /** The private segment of added rows. */
    SegmentMirror.Snapshot overlay() {
      return overlay;
    }

    /** Ordinals of a snapshot segment removed by the transaction, or null if none. */
    BitSet removed(int segment) {
      return removed.get(segment);
    }

    /** Whether the transaction removed the snapshot's row at this row id. */
    boolean isRemoved(long rowId) {
      BitSet set = removed.get(ReadView.segmentOf(rowId));
      return set != null && set.get(ReadView.ordinalOf(rowId));
    }

    /** The private segment's live ordinal holding this key, or -1. */
    int liveOrdinal(Object key) {
      int[] all = ordinals.get(key);
      if (all == null) {
        return -1;
      }
      // Only the newest row of a key can be live: each was added after the one before it
      // was removed. Ordinals beyond this state's size came later.
      for (int i = all.length - 1; i >= 0; i--) {
        if (all[i] < overlay.size()) {
          return overlay.isLive(all[i]) ? all[i] : -1;
        }
      }
      return -1;
    }
  }

  private final RocksTable table;
  private final TableDef def;
  private final RocksReadView base;
  private final List<Step> steps = new ArrayList<>();
  private SegmentMirror overlay;
  /** Every private ordinal each key was added at, oldest first; arrays replaced, not changed. */
  private Map<Object, int[]> ordinals;
  private Map<Integer, BitSet> removed;
  /** Whether a frozen state shares {@link #removed}; then it is copied before a change. */
  private boolean removedShared;
  /** The sets of {@link #removed} copied since the last freeze (safe to change in place). */
  private final Set<Integer> removedOwned = new HashSet<>();

  /** @param base the transaction's snapshot of the table; it stays open longer than this */
  TableWrites(RocksTable table, RocksReadView base) {
    this.table = table;
    this.def = base.definition();
    this.base = base;
    reset();
  }

  private void reset() {
    overlay = new SegmentMirror(OVERLAY_SEGMENT, def);
    ordinals = new ConcurrentHashMap<>();
    removed = new HashMap<>();
    removedShared = false;
    removedOwned.clear();
  }

  RocksTable table() {
    return table;
  }

  /** Whether there is any write. */
  boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The state for a view: what it shows never changes. */
  Frozen freeze() {
    removedShared = true;
    removedOwned.clear();
    return new Frozen(overlay.published(), removed, ordinals);
  }

  /**
   * Adds one statement's changes, all of them or none: validated as the table validates
   * writes, and keys resolved against the snapshot plus the writes so far (removals first,
   * so that an UPDATE that shifts keys sees the statement's end state).
   *
   * @return rows inserted, updated or deleted
   * @throws DuplicateKeyException for an INSERT of a key that is there
   */
  long write(List<RowChange> changes) {
    if (table.definition() != def) {
      throw table.altered();
    }
    if (def.hasHiddenKey() && !def.uniqueKeys().isEmpty()
        && changes.stream().anyMatch(c -> c instanceof RowChange.Upsert)) {
      throw new dev.azimuth.storage.StorageException(dev.azimuth.common.ErrorCode
          .FEATURE_NOT_SUPPORTED, "UPSERT into table " + def.name() + ", whose primary key has "
          + "several columns, is not supported inside a transaction; run it with auto-commit "
          + "on, or UPDATE and INSERT");
    }
    changes = table.rowIds(changes);
    List<Object[]> rows = table.validate(changes, def);
    Map<Object, Boolean> pending = new HashMap<>();
    List<Step> plan = new ArrayList<>();
    boolean[] skipped = new boolean[changes.size()];
    long affected = 0;
    for (int i = 0; i < changes.size(); i++) {
      Object oldKey = switch (changes.get(i)) {
        case RowChange.Delete d -> d.key();
        case RowChange.Update u -> u.oldKey();
        default -> null;
      };
      if (oldKey == null) {
        continue;
      }
      if (!present(pending, oldKey)) {
        skipped[i] = true;
        continue;
      }
      plan.add(new Step.Remove(oldKey));
      pending.put(oldKey, false);
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
      if (present(pending, key)) {
        if (!(change instanceof RowChange.Upsert)) {
          throw new DuplicateKeyException("duplicate key value: " + def.keyColumn().name()
              + " = " + (key instanceof String str ? "'" + str + "'" : key)
              + " already exists in table " + def.name(), i);
        }
        plan.add(new Step.Remove(key));
      }
      plan.add(new Step.Add(row));
      pending.put(key, true);
      affected++;
    }
    apply(plan);
    steps.addAll(plan);
    return affected;
  }

  private boolean present(Map<Object, Boolean> pending, Object key) {
    Boolean p = pending.get(key);
    if (p != null) {
      return p;
    }
    if (liveOrdinalNow(key) >= 0) {
      return true;
    }
    long rowId = base.locate(key);
    return rowId >= 0 && !isRemovedNow(rowId);
  }

  private int liveOrdinalNow(Object key) {
    int[] all = ordinals.get(key);
    if (all == null) {
      return -1;
    }
    int newest = all[all.length - 1];
    return overlay.isLiveNow(newest) ? newest : -1;
  }

  private boolean isRemovedNow(long rowId) {
    BitSet set = removed.get(ReadView.segmentOf(rowId));
    return set != null && set.get(ReadView.ordinalOf(rowId));
  }

  /** Carries out steps already checked; cannot fail. */
  private void apply(List<Step> plan) {
    for (Step step : plan) {
      switch (step) {
        case Step.Remove r -> {
          int ordinal = liveOrdinalNow(r.key());
          if (ordinal >= 0) {
            overlay.delete(ordinal);
          } else {
            mask(base.locate(r.key()));
          }
        }
        case Step.Add a -> {
          Object key = a.row()[def.primaryKey()];
          int ordinal = overlay.append(key, a.row());
          ordinals.merge(key, new int[] {ordinal}, TableWrites::concat);
        }
      }
    }
    overlay.publish();
  }

  private void mask(long rowId) {
    int segment = ReadView.segmentOf(rowId);
    if (removedShared) {
      removed = new HashMap<>(removed);
      removedShared = false;
    }
    BitSet set = removed.get(segment);
    if (set == null) {
      set = new BitSet();
      removed.put(segment, set);
      removedOwned.add(segment);
    } else if (!removedOwned.contains(segment)) {
      set = (BitSet) set.clone();
      removed.put(segment, set);
      removedOwned.add(segment);
    }
    set.set(ReadView.ordinalOf(rowId));
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A mark of the writes so far. */
  int mark() {
    return steps.size();
  }

  /** Forgets the writes made since {@code mark}, rebuilding the state from the steps before. */
  void rollbackTo(int mark) {
    if (mark >= steps.size()) {
      return;
    }
    List<Step> kept = new ArrayList<>(steps.subList(0, mark));
    steps.clear();
    reset();
    apply(kept);
    steps.addAll(kept);
  }

  /**
   * The net effect on the table, as changes the commit applies to the latest state: a new
   * version of a snapshot row replaces it, a row new to the snapshot is inserted, a removed
   * snapshot row is deleted; a row added and removed again leaves nothing.
   */
  Commit.Changes finalChanges() {
    Map<Object, RowChange> out = new LinkedHashMap<>();
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<Integer, BitSet> e : removed.entrySet()) {
      SegmentView segment = base.segmentView(e.getKey());
      BitSet set = e.getValue();
      for (int o = set.nextSetBit(0); o >= 0; o = set.nextSetBit(o + 1)) {
        Object key = segment.key(o);
        out.put(key, new RowChange.Delete(key));
      }
    }
    int[] all = new int[def.columns().size()];
    for (int c = 0; c < all.length; c++) {
      all[c] = c;
    }
    SegmentMirror.Snapshot added = overlay.published();
    for (Object key : ordinals.keySet()) {
      int ordinal = liveOrdinalNow(key);
      if (ordinal >= 0) {
        Object[] row = added.row(all, ordinal);
        out.put(key, base.locate(key) >= 0 ? new RowChange.Upsert(row)
            : new RowChange.Insert(row));
      }
    }
    List<RowChange> changes = new ArrayList<>(out.values());
    for (RowChange c : changes) {
      rows.add(switch (c) {
        case RowChange.Insert i -> i.row();
        case RowChange.Upsert u -> u.row();
        default -> null;
      });
    }
    return new Commit.Changes(changes, rows, def);
  }
}
