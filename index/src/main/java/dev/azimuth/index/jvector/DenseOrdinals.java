package dev.azimuth.index.jvector;

import io.github.jbellis.jvector.graph.disk.OrdinalMapper;
import java.util.Arrays;

/**
 * Renumbers the graph's ordinals to {@code 0..n-1} in ascending order for JVector's on-disk
 * format, which stores a record per id up to its largest: excluded ordinals then cost neither
 * disk nor PQ codes. Immutable and thread-safe.
 */
final class DenseOrdinals implements OrdinalMapper {
  private final int[] nodes;
  /** Caller ordinal to dense id; null when the graph holds every ordinal (identity). */
  private final int[] dense;

  /**
   * @param nodes the graph's ordinals, ascending
   * @param count the caller's ordinal count
   */
  DenseOrdinals(int[] nodes, int count) {
    this.nodes = nodes;
    if (nodes.length == count) {
      this.dense = null;
    } else {
      this.dense = new int[count];
      Arrays.fill(dense, OMITTED);
      for (int i = 0; i < nodes.length; i++) {
        dense[nodes[i]] = i;
      }
    }
  }

  @Override
  public int maxOrdinal() {
    return nodes.length - 1;
  }

  @Override
  public int oldToNew(int ordinal) {
    return dense == null ? ordinal : dense[ordinal];
  }

  @Override
  public int newToOld(int id) {
    return nodes[id];
  }
}
