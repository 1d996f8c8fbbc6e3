package dev.azimuth.index.jvector;

import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.util.Arrays;

/**
 * The graph's vectors in JVector's random-access form, numbered densely: vector {@code i} is
 * the caller's ordinal {@code nodes[i]}. Each read copies one vector, which is why only
 * build-time work that reads each vector a few times (PQ training and encoding, writing the
 * inline vectors) uses it, never a search. Thread-safe: it shares no mutable state.
 */
final class ArrayVectorValues implements RandomAccessVectorValues {
  private static final VectorTypeSupport VECTORS =
      VectorizationProvider.getInstance().getVectorTypeSupport();

  private final float[] data;
  private final int dimension;
  private final int[] nodes;

  ArrayVectorValues(float[] data, int dimension, int[] nodes) {
    this.data = data;
    this.dimension = dimension;
    this.nodes = nodes;
  }

  /** A fresh copy of the caller's vector {@code ordinal}. */
  VectorFloat<?> ordinal(int ordinal) {
    int offset = ordinal * dimension;
    return VECTORS.createFloatVector(Arrays.copyOfRange(data, offset, offset + dimension));
  }

  @Override
  public int size() {
    return nodes.length;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public VectorFloat<?> getVector(int i) {
    return ordinal(nodes[i]);
  }

  @Override
  public boolean isValueShared() {
    return false;
  }

  @Override
  public RandomAccessVectorValues copy() {
    return this;
  }
}
