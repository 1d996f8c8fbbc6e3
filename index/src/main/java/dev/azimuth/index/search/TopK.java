package dev.azimuth.index.search;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.List;

/**
 * Keeps the {@code k} best {@code (distance, id)} pairs seen, in primitive arrays.
 *
 * <p>The order is total and deterministic: ascending distance, ties by ascending id, and NaN
 * after every number (+Infinity included), so that equal inputs give equal results however they
 * were split or ordered. {@code -0.0} and {@code 0.0} are the same distance.
 *
 * <p>A bounded max-heap: the root is the worst kept pair, so {@link #offer} rejects in one
 * comparison once the heap is full. Not thread-safe: use one per search thread.
 */
public final class TopK {
  private final int capacity;
  private final float[] distances;
  private final long[] ids;
  private int size;
  private float threshold;

  /**
   * Creates an empty collector.
   *
   * @param k how many pairs to keep; 0 keeps none
   * @throws AzimuthException with {@link ErrorCode#INVALID_PARAMETER_VALUE} when {@code k < 0}
   */
  public TopK(int k) {
    if (k < 0) {
      throw new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE,
          "the number of neighbours must not be negative, got " + k);
    }
    this.capacity = k;
    this.distances = new float[k];
    this.ids = new long[k];
    clear();
  }

  /**
   * Offers a candidate; keeps it if it ranks before the worst kept pair (or the heap has room).
   *
   * @return whether the candidate was kept
   */
  public boolean offer(float distance, long id) {
    if (size < capacity) {
      siftUp(size++, distance, id);
      if (size == capacity) {
        threshold = distances[0];
      }
      return true;
    }
    if (distance > threshold || capacity == 0 || !precedes(distance, id, distances[0], ids[0])) {
      return false;
    }
    siftDown(distances, ids, size, 0, distance, id);
    threshold = distances[0];
    return true;
  }

  /**
   * The distance a candidate must not exceed to have a chance: the worst kept distance once
   * full, +Infinity before, −Infinity when {@code k = 0}. A caller may skip a candidate when
   * {@code distance > threshold()}; write the test that way round, since a NaN threshold (when
   * the worst kept distance is NaN) must skip nothing. A candidate equal to the threshold may
   * still enter, by a smaller id.
   */
  public float threshold() {
    return threshold;
  }

  /** The number of pairs kept, at most {@code k}. */
  public int size() {
    return size;
  }

  /** The {@code k} this collector was made with. */
  public int capacity() {
    return capacity;
  }

  /** Whether {@code k} pairs are kept, so that {@link #threshold()} is in force. */
  public boolean isFull() {
    return size == capacity;
  }

  /** Forgets every pair, so the collector can serve another search. */
  public void clear() {
    size = 0;
    threshold = capacity == 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
  }

  /** The kept pairs, best first, in new arrays; the collector is left as it was. */
  public Neighbors neighbors() {
    float[] d = new float[size];
    long[] id = new long[size];
    System.arraycopy(distances, 0, d, 0, size);
    System.arraycopy(ids, 0, id, 0, size);
    // Heapsort: moving the worst to the end each time leaves the arrays in ascending order.
    for (int end = size - 1; end > 0; end--) {
      float lastDistance = d[end];
      long lastId = id[end];
      d[end] = d[0];
      id[end] = id[0];
      siftDown(d, id, end, 0, lastDistance, lastId);
    }
    return new Neighbors(id, d);
  }

  /**
   * The {@code k} best pairs of the union of several results, e.g. one per segment. Ids are
   * not de-duplicated: an id in two lists is two candidates.
   *
   * @throws AzimuthException with {@link ErrorCode#INVALID_PARAMETER_VALUE} when {@code k < 0}
   */
  public static Neighbors merge(int k, List<Neighbors> results) {
    requireNonNull(results, "results");
    long total = 0;
    for (Neighbors n : results) {
      total += n.size();
    }
    TopK top = new TopK((int) Math.min(k, total));
    for (Neighbors n : results) {
      long[] nIds = n.ids();
      float[] nDistances = n.distances();
      for (int i = 0; i < nIds.length; i++) {
        top.offer(nDistances[i], nIds[i]);
      }
    }
    return top.neighbors();
  }

  /** Whether {@code (d1, id1)} ranks strictly before {@code (d2, id2)}. */
  static boolean precedes(float d1, long id1, float d2, long id2) {
    if (d1 < d2) {
      return true;
    }
    if (d1 > d2) {
      return false;
    }
    // Equal, or at least one is NaN (every comparison with NaN is false).
    boolean nan1 = Float.isNaN(d1);
    boolean nan2 = Float.isNaN(d2);
    if (nan1 != nan2) {
      return nan2;
    }
    return id1 < id2;
  }

  /**
   * Restores best-first order after a monotone transform of the distances (e.g. square root)
   * that may have made distinct values equal; an insertion sort, linear on nearly sorted input.
   */
  static void resort(float[] d, long[] id) {
    for (int i = 1; i < d.length; i++) {
      float di = d[i];
      long idi = id[i];
      int j = i - 1;
      while (j >= 0 && precedes(di, idi, d[j], id[j])) {
        d[j + 1] = d[j];
        id[j + 1] = id[j];
        j--;
      }
      d[j + 1] = di;
      id[j + 1] = idi;
    }
  }

  private void siftUp(int pos, float distance, long id) {
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      if (!precedes(distances[parent], ids[parent], distance, id)) {
        break;
      }
      distances[pos] = distances[parent];
      ids[pos] = ids[parent];
      pos = parent;
    }
    distances[pos] = distance;
    ids[pos] = id;
  }

  // Places (distance, id) at pos in the max-heap d[0..n), moving worse children up past it.
  private static void siftDown(float[] d, long[] id, int n, int pos, float distance, long pid) {
    while (true) {
      int child = 2 * pos + 1;
      if (child >= n) {
        break;
      }
      int right = child + 1;
      if (right < n && precedes(d[child], id[child], d[right], id[right])) {
        child = right;
      }
      if (!precedes(distance, pid, d[child], id[child])) {
        break;
      }
      d[pos] = d[child];
      id[pos] = id[child];
      pos = child;
    }
    d[pos] = distance;
    id[pos] = pid;
  }
}
