package dev.azimuth.storage.rocks;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.storage.DuplicateKeyException;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.UniqueKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's UNIQUE constraints enforced in memory: for each, the live rows' values of its
 * columns, mapped to the row's key. Rebuilt from the segments when the table is opened or
 * altered; changed only by published writes ({@link Changes#apply}). Values with a NULL in them
 * are never equal to anything (SQL's rule), so they are not kept. Guarded by the table's write
 * lock.
 */
final class UniqueIndex {
  private record Constraint(UniqueKey key, int[] columns, Map<List<Object>, Object> rows) {}

  private final TableDef table;
  private final List<Constraint> constraints = new ArrayList<>();

  UniqueIndex(TableDef table) {
    this.table = table;
    for (UniqueKey k : table.uniqueKeys()) {
      int[] columns = table.columnsOf(k);
      if (columns != null) {
        constraints.add(new Constraint(k, columns, new HashMap<>()));
      }
    }
  }

  boolean isEmpty() {
    return constraints.isEmpty();
  }

  /** Fills the maps from every live row of the segments. */
  void rebuild(List<? extends SegmentView> segments) {
    for (Constraint c : constraints) {
      c.rows().clear();
      for (SegmentView s : segments) {
        for (int o = 0; o < s.size(); o++) {
          if (s.isLive(o)) {
            List<Object> v = values(c, s, o);
            if (v != null) {
              c.rows().put(v, s.key(o));
            }
          }
        }
      }
    }
  }

  /** The key of the live row with these values of the primary unique key, or null. */
  Object primaryRow(Object[] row) {
    for (Constraint c : constraints) {
      if (c.key().primary()) {
        List<Object> v = values(c, row);
        return v == null ? null : c.rows().get(v);
      }
    }
    return null;
  }

  /** A statement's changes to the maps, checked as they are made and applied if it commits. */
  Changes changes() {
    return new Changes();
  }

  final class Changes {
    private final List<Map<List<Object>, Object>> added = new ArrayList<>();
    private final List<Map<List<Object>, Object>> removed = new ArrayList<>();

    Changes() {
      for (int i = 0; i < constraints.size(); i++) {
        added.add(new HashMap<>());
        removed.add(new HashMap<>());
      }
    }

    /** Notes that the live row with {@code key} and these values goes away. */
    void remove(Object key, SegmentView segment, int ordinal) {
      for (int i = 0; i < constraints.size(); i++) {
        List<Object> v = values(constraints.get(i), segment, ordinal);
        if (v != null && key.equals(constraints.get(i).rows().get(v))) {
          removed.get(i).put(v, key);
        }
      }
    }

    /** Notes that a row added earlier in the same statement goes away again. */
    void removeAdded(Object key, Object[] row) {
      for (int i = 0; i < constraints.size(); i++) {
        List<Object> v = values(constraints.get(i), row);
        if (v != null && key.equals(added.get(i).get(v))) {
          added.get(i).remove(v);
        }
      }
    }

    /**
     * Notes a new row, failing if a live row (not removed by this statement) or one added by
     * it has the same values.
     *
     * @param index the row's place in the statement, for the error
     */
    void add(Object key, Object[] row, int index) {
      for (int i = 0; i < constraints.size(); i++) {
        Constraint c = constraints.get(i);
        List<Object> v = values(c, row);
        if (v == null) {
          continue;
        }
        Object holder = added.get(i).get(v);
        if (holder == null) {
          holder = c.rows().get(v);
          if (holder != null && removed.get(i).containsKey(v)) {
            holder = null;
          }
        }
        if (holder != null && !holder.equals(key)) {
          throw new DuplicateKeyException("duplicate key value violates unique constraint "
              + c.key().name() + ": " + describe(c, v) + " already exists in table "
              + table.name(), index);
        }
        added.get(i).put(v, key);
      }
    }

    /** Makes the statement's changes part of the maps: it has been written. */
    void apply() {
      for (int i = 0; i < constraints.size(); i++) {
        Map<List<Object>, Object> rows = constraints.get(i).rows();
        for (Map.Entry<List<Object>, Object> e : removed.get(i).entrySet()) {
          rows.remove(e.getKey(), e.getValue());
        }
        rows.putAll(added.get(i));
      }
    }
  }

  private String describe(Constraint c, List<Object> values) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < c.columns().length; i++) {
      b.append(i == 0 ? "" : ", ").append(table.columns().get(c.columns()[i]).name());
    }
    b.append(") = (");
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      b.append(i == 0 ? "" : ", ").append(v instanceof String s ? "'" + s + "'" : v);
    }
    return b.append(")").toString();
  }

  private static List<Object> values(Constraint c, Object[] row) {
    Object[] v = new Object[c.columns().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = row[c.columns()[i]];
      if (v[i] == null) {
        return null;
      }
    }
    return Arrays.asList(v);
  }

  private static List<Object> values(Constraint c, SegmentView s, int ordinal) {
    Object[] v = new Object[c.columns().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = s.value(c.columns()[i], ordinal);
      if (v[i] == null) {
        return null;
      }
    }
    return Arrays.asList(v);
  }

  /** Whether a table may have a unique key over these columns (not vectors). */
  static void check(TableDef table, UniqueKey key) {
    int[] columns = table.columnsOf(key);
    for (int c : columns) {
      if (table.columns().get(c).type() == dev.azimuth.storage.ColumnType.VECTOR) {
        throw new dev.azimuth.storage.StorageException(ErrorCode.FEATURE_NOT_SUPPORTED,
            "constraint " + key.name() + ": a VECTOR column cannot be part of a unique key");
      }
    }
  }
}
