package dev.azimuth.index.jvector;

import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.search.Neighbors;
import java.util.function.IntPredicate;

/**
 * A graph whose build included no ordinal. JVector cannot quantize or write an empty graph, so
 * such a file holds only its header. Immutable and thread-safe.
 */
final class EmptyGraph extends JVectorGraph {
  EmptyGraph(GraphOptions options, int dimension) {
    super(options, dimension, 0);
  }

  @Override
  Neighbors walk(float[] query, int k, int beam, IntPredicate accept) {
    // search() answers every query on an empty graph before it would walk.
    throw new IllegalStateException("an empty graph has nothing to walk");
  }

  @Override
  int ordinalAt(int i) {
    throw new IndexOutOfBoundsException(i);
  }

  @Override
  public long residentBytes() {
    return 0;
  }

  @Override
  void release() {
    // Nothing held.
  }
}
