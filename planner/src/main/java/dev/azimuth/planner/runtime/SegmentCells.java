package dev.azimuth.planner.runtime;

import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.TableDef;
import java.util.Arrays;

/** Reads one row's columns straight from a segment, vectors included (as copies). */
final class SegmentCells {
  private SegmentCells() {}

  /** The values of {@code columns} at {@code ordinal}, with {@code extra} empty slots after. */
  static Object[] row(TableDef def, SegmentView segment, int[] columns, int ordinal,
      int extra) {
    Object[] row = new Object[columns.length + extra];
    for (int i = 0; i < columns.length; i++) {
      int c = columns[i];
      if (def.columns().get(c).type() == ColumnType.VECTOR) {
        int d = def.columns().get(c).dimension();
        row[i] = segment.isNull(c, ordinal) ? null
            : Arrays.copyOfRange(segment.vectors(c), ordinal * d, (ordinal + 1) * d);
      } else {
        row[i] = segment.value(c, ordinal);
      }
    }
    return row;
  }
}
