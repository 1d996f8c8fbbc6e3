package dev.azimuth.index.jvector;

import io.github.jbellis.jvector.graph.NodesIterator;
import java.util.NoSuchElementException;

/**
 * Iterates {@code ids[from .. to)} without copying; JVector's own array iterator only starts at
 * index 0. Not thread-safe, like every iterator.
 */
final class NodeSlice implements NodesIterator {
  private final int[] ids;
  private final int to;
  private final int size;
  private int next;

  NodeSlice(int[] ids, int from, int to) {
    this.ids = ids;
    this.next = from;
    this.to = to;
    this.size = to - from;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean hasNext() {
    return next < to;
  }

  @Override
  public int nextInt() {
    if (next >= to) {
      throw new NoSuchElementException();
    }
    return ids[next++];
  }
}
