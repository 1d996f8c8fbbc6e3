package dev.azimuth.bench.ann;

import java.util.Arrays;

/**
 * {@code count} vectors of {@code dimension} floats stored back to back, vector {@code i} at
 * {@code data[i * dimension ..]}; row {@code i} is the vector whose id is {@code i}.
 */
record Vectors(float[] data, int dimension, int count) {
  Vectors {
    if (dimension <= 0 || count < 0 || (long) dimension * count != data.length) {
      throw new IllegalArgumentException(
          "data of " + data.length + " floats is not " + count + " x " + dimension);
    }
  }

  /** A copy of vector {@code i}. */
  float[] vector(int i) {
    int from = offset(i);
    return Arrays.copyOfRange(data, from, from + dimension);
  }

  /** Where vector {@code i} starts in {@link #data()}. */
  int offset(int i) {
    return Math.multiplyExact(i, dimension);
  }

  /** The first {@code n} vectors (all of them if there are fewer). */
  Vectors first(int n) {
    int m = Math.min(n, count);
    return m == count ? this : new Vectors(Arrays.copyOf(data, m * dimension), dimension, m);
  }
}
