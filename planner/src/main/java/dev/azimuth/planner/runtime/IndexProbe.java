package dev.azimuth.planner.runtime;

import dev.azimuth.index.sorted.SortedOrdinals;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.ValueOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A search of a BTREE index over one segment: the runs of positions in the segment's sorted
 * ordinals whose keys satisfy equalities on the first key columns and, on the next, an IN list
 * or a range. The runs hold every row that satisfies those predicates, and may hold a few more
 * (NaN and NULL sort after every number, inside an open range): the caller checks the whole
 * WHERE clause on each row. Operands come with each execution (a bound parameter may be
 * NULL: then nothing matches, as comparing with NULL is never true). Immutable, thread-safe.
 */
public final class IndexProbe {
  /** A bound mode: no bound on that side. */
  public static final int NONE = 0;
  public static final int INCLUSIVE = 1;
  public static final int EXCLUSIVE = 2;

  private final long indexId;
  private final int[] keyColumns;
  private final int equal;
  private final int points;
  private final int lower;
  private final int upper;

  private IndexProbe(long indexId, int[] keyColumns, int equal, int points, int lower,
      int upper) {
    this.indexId = indexId;
    this.keyColumns = keyColumns;
    this.equal = equal;
    this.points = points;
    this.lower = lower;
    this.upper = upper;
  }

  /** For generated code; the operands are the equalities', the points', lower's, upper's. */
  public static IndexProbe of(long indexId, int[] keyColumns, int equal, int points, int lower,
      int upper) {
    return new IndexProbe(indexId, keyColumns, equal, points, lower, upper);
  }

  public long indexId() {
    return indexId;
  }

  /** The key columns, in key order. */
  int[] keyColumns() {
    return keyColumns;
  }

  /** How many leading key columns are fixed by equalities. */
  int equalities() {
    return equal;
  }

  /** A run of positions {@code [from, to)} in a segment's sorted ordinals. */
  record Run(int from, int to) {}

  /** The runs, in key order, of the positions whose keys satisfy the probe's predicates. */
  List<Run> runs(SegmentView segment, SortedOrdinals sorted, Object[] operands) {
    for (Object operand : operands) {
      if (operand == null) {
        return List.of();
      }
    }
    Object[] prefix = new Object[equal + 1];
    System.arraycopy(operands, 0, prefix, 0, equal);
    List<Run> runs = new ArrayList<>();
    if (points > 0) {
      Object[] values = new Object[points];
      System.arraycopy(operands, equal, values, 0, points);
      // In key order, each value once, so the runs do not overlap.
      java.util.Arrays.sort(values, ValueOrder::compare);
      Object previous = null;
      for (int i = 0; i < points; i++) {
        if (i > 0 && ValueOrder.compare(values[i], previous) == 0) {
          continue;
        }
        previous = values[i];
        prefix[equal] = values[i];
        int from = sorted.partition(o -> compare(segment, o, prefix, equal + 1) < 0);
        int to = sorted.partition(o -> compare(segment, o, prefix, equal + 1) <= 0);
        if (from < to) {
          runs.add(new Run(from, to));
        }
      }
      return runs;
    }
    int next = equal + points;
    int from;
    if (lower == NONE) {
      from = sorted.partition(o -> compare(segment, o, prefix, equal) < 0);
    } else {
      prefix[equal] = operands[next++];
      from = lower == INCLUSIVE
          ? sorted.partition(o -> compare(segment, o, prefix, equal + 1) < 0)
          : sorted.partition(o -> compare(segment, o, prefix, equal + 1) <= 0);
    }
    int to;
    if (upper == NONE) {
      to = sorted.partition(o -> compare(segment, o, prefix, equal) <= 0);
    } else {
      Object[] bound = prefix.clone();
      bound[equal] = operands[next];
      to = upper == INCLUSIVE
          ? sorted.partition(o -> compare(segment, o, bound, equal + 1) <= 0)
          : sorted.partition(o -> compare(segment, o, bound, equal + 1) < 0);
    }
    return from < to ? List.of(new Run(from, to)) : List.of();
  }

  /** The ordinal's key, on its first {@code n} columns, against {@code values}. */
  private int compare(SegmentView segment, int ordinal, Object[] values, int n) {
    for (int i = 0; i < n; i++) {
      int r = ValueOrder.compare(segment.value(keyColumns[i], ordinal), values[i]);
      if (r != 0) {
        return r;
      }
    }
    return 0;
  }
}
