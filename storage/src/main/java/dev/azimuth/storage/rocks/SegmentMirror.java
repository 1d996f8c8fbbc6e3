package dev.azimuth.storage.rocks;

import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.SegmentView;
import dev.azimuth.storage.TableDef;
import java.util.Arrays;

/**
 * The in-memory mirror of one segment: every column's values by ordinal — vectors contiguous
 * per column so exact scans and graph builds stream them, scalars as one array per column so
 * filters and row fetches never go to RocksDB — and a deletion bitmap. The growing segment
 * takes new rows; once {@link #seal sealed} a segment only ever gains deletions.
 *
 * <p>Writers (one at a time, under the table's write lock) fill ordinals beyond the published
 * size, then {@link #publish} an immutable {@link Snapshot}. Ordinals below a snapshot's size
 * are never written again, so a snapshot can share arrays with the writer; the deletion bitmap,
 * which does change below the size, is copied on the first deletion after each publish.
 */
final class SegmentMirror {
  private static final int INITIAL_CAPACITY = 1024;

  private final int id;
  private final int[] dimensions;
  private Object[] keys;
  private final float[][] vectors;
  /** Values of the scalar (non-vector) columns by ordinal; null for vector columns. */
  private final Object[][] scalars;
  private final long[][] nulls;
  private final int[] nullCounts;
  private long[] deleted;
  private boolean deletedShared;
  private int size;
  private int liveCount;
  private boolean sealed;
  private volatile Snapshot published;

  /**
   * The segment with its columns laid out anew for a changed table: {@code from[i]} is the old
   * index of new column i, or -1 for a column added, which holds {@code fill[i]} (scalars) or
   * NULL (vectors) in every row. The arrays of kept columns are shared, not copied; the old
   * mirror must not be written to afterwards (its published snapshots stay readable).
   */
  SegmentMirror(SegmentMirror old, TableDef table, int[] from, Object[] fill) {
    this.id = old.id;
    int n = table.columns().size();
    this.dimensions = new int[n];
    this.vectors = new float[n][];
    this.scalars = new Object[n][];
    this.nulls = new long[n][];
    this.nullCounts = new int[n];
    this.keys = old.keys;
    this.deleted = old.deleted;
    this.deletedShared = true;
    this.size = old.size;
    this.liveCount = old.liveCount;
    this.sealed = old.sealed;
    int capacity = old.keys.length;
    for (int i = 0; i < n; i++) {
      ColumnDef c = table.columns().get(i);
      int o = from[i];
      if (o >= 0) {
        dimensions[i] = old.dimensions[o];
        vectors[i] = old.vectors[o];
        scalars[i] = old.scalars[o];
        nulls[i] = old.nulls[o];
        nullCounts[i] = old.nullCounts[o];
      } else if (c.type() == ColumnType.VECTOR) {
        dimensions[i] = c.dimension();
        vectors[i] = new float[capacity * c.dimension()];
        nulls[i] = new long[(capacity + 63) / 64];
        for (int ordinal = 0; ordinal < size; ordinal++) {
          nulls[i][ordinal >>> 6] |= 1L << ordinal;
        }
        nullCounts[i] = size;
      } else {
        scalars[i] = new Object[capacity];
        java.util.Arrays.fill(scalars[i], 0, size, fill[i]);
      }
    }
    publish();
  }

  SegmentMirror(int id, TableDef table) {
    this.id = id;
    int n = table.columns().size();
    this.dimensions = new int[n];
    this.vectors = new float[n][];
    this.scalars = new Object[n][];
    this.nulls = new long[n][];
    this.nullCounts = new int[n];
    for (int i = 0; i < n; i++) {
      ColumnDef c = table.columns().get(i);
      if (c.type() == ColumnType.VECTOR) {
        dimensions[i] = c.dimension();
        vectors[i] = new float[INITIAL_CAPACITY * c.dimension()];
        nulls[i] = new long[INITIAL_CAPACITY / 64];
      } else {
        scalars[i] = new Object[INITIAL_CAPACITY];
      }
    }
    this.keys = new Object[INITIAL_CAPACITY];
    this.deleted = new long[INITIAL_CAPACITY / 64];
    publish();
  }

  int id() {
    return id;
  }

  /** The first ordinal a writer may use. */
  int size() {
    return size;
  }

  Snapshot published() {
    return published;
  }

  boolean sealed() {
    return sealed;
  }

  /**
   * Freezes the segment: no more rows, and its arrays trimmed to its size (readers of older
   * snapshots keep the old arrays until they let go).
   */
  void seal() {
    sealed = true;
    keys = Arrays.copyOf(keys, size);
    deleted = Arrays.copyOf(deleted, (size + 63) / 64);
    deletedShared = false;
    for (int c = 0; c < dimensions.length; c++) {
      if (dimensions[c] > 0) {
        vectors[c] = Arrays.copyOf(vectors[c], size * dimensions[c]);
        nulls[c] = Arrays.copyOf(nulls[c], (size + 63) / 64);
      } else {
        scalars[c] = Arrays.copyOf(scalars[c], size);
      }
    }
    publish();
  }

  /** Stores a row at the next ordinal (not yet visible) and returns that ordinal. */
  int append(Object key, Object[] row) {
    if (sealed) {
      throw new IllegalStateException("segment " + id + " is sealed");
    }
    int ordinal = size;
    ensureCapacity(ordinal + 1);
    keys[ordinal] = key;
    for (int c = 0; c < dimensions.length; c++) {
      if (dimensions[c] > 0) {
        float[] v = (float[]) row[c];
        if (v == null) {
          nulls[c][ordinal >>> 6] |= 1L << ordinal;
          nullCounts[c]++;
        } else {
          System.arraycopy(v, 0, vectors[c], ordinal * dimensions[c], dimensions[c]);
        }
      } else {
        scalars[c][ordinal] = row[c];
      }
    }
    size++;
    liveCount++;
    return ordinal;
  }

  /** Stores a row recovered from disk at its ordinal. */
  void restore(int ordinal, Object key, int column, float[] vector) {
    ensureCapacity(ordinal + 1);
    if (ordinal >= size) {
      liveCount += ordinal + 1 - size;
      size = ordinal + 1;
    }
    if (key != null) {
      keys[ordinal] = key;
    }
    if (column >= 0) {
      System.arraycopy(vector, 0, vectors[column], ordinal * dimensions[column],
          dimensions[column]);
    }
  }

  /** Stores the scalar columns of a row recovered from disk at its ordinal. */
  void restoreScalars(int ordinal, Object[] row) {
    ensureCapacity(ordinal + 1);
    for (int c = 0; c < scalars.length; c++) {
      if (scalars[c] != null) {
        scalars[c][ordinal] = row[c];
      }
    }
  }

  /** Marks a stored vector column NULL at an ordinal recovered from disk. */
  void restoreNull(int column, int ordinal) {
    nulls[column][ordinal >>> 6] |= 1L << ordinal;
    nullCounts[column]++;
  }

  /** Whether the row at an ordinal is there and not deleted, counting unpublished changes. */
  boolean isLiveNow(int ordinal) {
    return ordinal >= 0 && ordinal < size && (deleted[ordinal >>> 6] & (1L << ordinal)) == 0;
  }

  void delete(int ordinal) {
    if (deletedShared) {
      deleted = deleted.clone();
      deletedShared = false;
    }
    long bit = 1L << ordinal;
    if ((deleted[ordinal >>> 6] & bit) == 0) {
      deleted[ordinal >>> 6] |= bit;
      liveCount--;
    }
  }

  /** Makes everything written so far visible to new readers. */
  void publish() {
    published = new Snapshot(id, sealed, size, liveCount, keys, vectors.clone(),
        scalars.clone(), nulls.clone(), nullCounts.clone(), deleted, dimensions);
    deletedShared = true;
  }

  /** Forgets what was written since the last publish (the write that did it failed). */
  void rollback() {
    Snapshot p = published;
    for (int o = p.size; o < size; o++) {
      keys[o] = null;
      for (int c = 0; c < dimensions.length; c++) {
        if (dimensions[c] > 0) {
          nulls[c][o >>> 6] &= ~(1L << o);
        } else {
          scalars[c][o] = null;
        }
      }
    }
    size = p.size;
    liveCount = p.liveCount;
    System.arraycopy(p.nullCounts, 0, nullCounts, 0, nullCounts.length);
    deleted = p.deleted;
    deletedShared = true;
  }

  private void ensureCapacity(int needed) {
    if (needed <= keys.length) {
      return;
    }
    int capacity = Math.max(needed, keys.length + (keys.length >> 1));
    capacity = (capacity + 63) & ~63;
    keys = Arrays.copyOf(keys, capacity);
    deleted = Arrays.copyOf(deleted, capacity / 64);
    deletedShared = false;
    for (int c = 0; c < dimensions.length; c++) {
      if (dimensions[c] > 0) {
        vectors[c] = Arrays.copyOf(vectors[c], capacity * dimensions[c]);
        nulls[c] = Arrays.copyOf(nulls[c], capacity / 64);
      } else {
        scalars[c] = Arrays.copyOf(scalars[c], capacity);
      }
    }
  }

  /** What readers see: an immutable view of the segment as of one publish. */
  static final class Snapshot implements SegmentView {
    private final int id;
    private final boolean sealed;
    private final int size;
    private final int liveCount;
    private final Object[] keys;
    private final float[][] vectors;
    private final Object[][] scalars;
    private final long[][] nulls;
    private final int[] nullCounts;
    private final long[] deleted;
    private final int[] dimensions;

    Snapshot(int id, boolean sealed, int size, int liveCount, Object[] keys, float[][] vectors,
        Object[][] scalars, long[][] nulls, int[] nullCounts, long[] deleted, int[] dimensions) {
      this.id = id;
      this.sealed = sealed;
      this.size = size;
      this.liveCount = liveCount;
      this.keys = keys;
      this.vectors = vectors;
      this.scalars = scalars;
      this.nulls = nulls;
      this.nullCounts = nullCounts;
      this.deleted = deleted;
      this.dimensions = dimensions;
    }

    @Override public int id() {
      return id;
    }

    @Override public boolean sealed() {
      return sealed;
    }

    @Override public int size() {
      return size;
    }

    @Override public int liveCount() {
      return liveCount;
    }

    @Override public boolean isLive(int ordinal) {
      return ordinal < size && (deleted[ordinal >>> 6] & (1L << ordinal)) == 0;
    }

    @Override public Object key(int ordinal) {
      return keys[ordinal];
    }

    @Override public float[] vectors(int column) {
      float[] v = vectors[column];
      if (v == null) {
        throw new IllegalArgumentException("column " + column + " is not a vector column");
      }
      return v;
    }

    @Override public boolean hasNulls(int column) {
      return nullCounts[column] > 0;
    }

    @Override public boolean isNull(int column, int ordinal) {
      return (nulls[column][ordinal >>> 6] & (1L << ordinal)) != 0;
    }

    @Override public Object value(int column, int ordinal) {
      Object[] values = scalars[column];
      if (values == null) {
        throw new IllegalArgumentException("column " + column + " is a vector column");
      }
      return values[ordinal];
    }

    /**
     * The row at an ordinal projected to {@code columns}, vectors copied (callers may keep and
     * change them).
     */
    Object[] row(int[] columns, int ordinal) {
      return row(columns, ordinal, 0);
    }

    /** {@link #row(int[], int)} with {@code extra} empty slots at the end. */
    Object[] row(int[] columns, int ordinal, int extra) {
      Object[] out = new Object[columns.length + extra];
      for (int i = 0; i < columns.length; i++) {
        int c = columns[i];
        out[i] = dimensions[c] > 0 ? vector(c, ordinal) : scalars[c][ordinal];
      }
      return out;
    }

    /** A copy of the vector at an ordinal, or null. */
    float[] vector(int column, int ordinal) {
      if (isNull(column, ordinal)) {
        return null;
      }
      int d = dimensions[column];
      return Arrays.copyOfRange(vectors[column], ordinal * d, (ordinal + 1) * d);
    }
  }
}
