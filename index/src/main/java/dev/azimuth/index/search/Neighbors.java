package dev.azimuth.index.search;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import java.util.Arrays;

/**
 * A search result: ids and their distances, best first (ascending distance, ties by ascending
 * id, NaN last).
 *
 * <p>The arrays are shared, not copied, so that results move between layers without copying;
 * treat them as read-only. Immutable by that convention and then safe to share between threads.
 *
 * @param ids the ids, best first
 * @param distances {@code distances[i]} is the distance of {@code ids[i]}
 */
public record Neighbors(long[] ids, float[] distances) {
  /** The result with no neighbours. */
  public static final Neighbors EMPTY = new Neighbors(new long[0], new float[0]);

  /** Checks that the two arrays pair up. */
  public Neighbors {
    requireNonNull(ids, "ids");
    requireNonNull(distances, "distances");
    if (ids.length != distances.length) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "neighbors need one distance per id, got " + ids.length + " ids and "
              + distances.length + " distances");
    }
  }

  /** The number of neighbours. */
  public int size() {
    return ids.length;
  }

  /** The id at rank {@code i} (0 is the nearest). */
  public long id(int i) {
    return ids[i];
  }

  /** The distance at rank {@code i} (0 is the nearest). */
  public float distance(int i) {
    return distances[i];
  }

  // A record compares array components by identity; results are values, so compare contents.
  @Override
  public boolean equals(Object o) {
    return o instanceof Neighbors other
        && Arrays.equals(ids, other.ids)
        && Arrays.equals(distances, other.distances);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.hashCode(distances);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Neighbors[");
    for (int i = 0; i < ids.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(ids[i]).append('=').append(distances[i]);
    }
    return b.append(']').toString();
  }
}
