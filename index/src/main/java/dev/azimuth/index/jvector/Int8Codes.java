package dev.azimuth.index.jvector;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The vectors of a graph scalar-quantized to one byte per dimension, for walking the graph.
 *
 * <p>A walk over large vectors spends most of its time waiting for them to arrive from memory;
 * codes are a quarter of the bytes, so a walk over them is several times faster, and the walk's
 * candidates are then reranked on the full vectors, so results keep exact distances. Each
 * dimension gets its own range (vectors often use dimensions very unevenly): a value {@code x}
 * is stored as {@code round((x − min) / scale) − 128}, {@code scale = (max − min) / 255}. Data
 * that already are bytes (Fashion-MNIST's pixels) are represented exactly.
 *
 * <p>Codes of a segment's own vectors are derived when a graph is built or opened, never
 * stored; codes of their principal components ({@link ProjectedCodes}) are stored in the
 * graph's file, since deriving them means projecting every vector. Immutable and thread-safe.
 */
final class Int8Codes {
  /**
   * Above this coding error, relative to the distance between graph neighbours, the walk uses
   * exact scores. Measured: WordNet's MiniLM embeddings 0.011, Fashion-MNIST's pixels 0.0005;
   * 32-dimensional clusters ten times further apart than wide (the jdbc-driver tests) 0.04–0.05.
   */
  static final double MAX_ERROR_TO_NEIGHBOUR_DISTANCE = 0.02;
  private static final int SAMPLES = 256;

  private final int dimension;
  private final float[] min;
  private final float[] scale;
  private final byte[] codes;

  private Int8Codes(int dimension, float[] min, float[] scale, byte[] codes) {
    this.dimension = dimension;
    this.min = min;
    this.scale = scale;
    this.codes = codes;
  }

  /**
   * Codes for the given ordinals of {@code data} (others stay zero), or null when some value is
   * not finite and no range fits it.
   */
  static Int8Codes encode(float[] data, int dimension, int count, int[] nodes, ForkJoinPool pool) {
    float[] min = new float[dimension];
    float[] max = new float[dimension];
    Arrays.fill(min, Float.POSITIVE_INFINITY);
    Arrays.fill(max, Float.NEGATIVE_INFINITY);
    for (int node : nodes) {
      int offset = node * dimension;
      for (int i = 0; i < dimension; i++) {
        float x = data[offset + i];
        min[i] = Math.min(min[i], x);
        max[i] = Math.max(max[i], x);
      }
    }
    float[] scale = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      if (!Float.isFinite(min[i]) || !Float.isFinite(max[i])
          || !Float.isFinite(max[i] - min[i])) {
        return null;
      }
      // A constant dimension encodes as 0 with any scale; 1 keeps the decode formula finite.
      scale[i] = max[i] > min[i] ? (max[i] - min[i]) / 255f : 1f;
    }
    float[] inverse = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      inverse[i] = 1f / scale[i];
    }
    byte[] codes = new byte[count * dimension];
    // Multiplying by the inverse instead of dividing, and rounding the non-negative level by
    // truncating level + 0.5: opening a graph encodes every vector, and this is most of it.
    Runnable fill = () -> IntStream.range(0, nodes.length).parallel().forEach(n -> {
      int offset = nodes[n] * dimension;
      for (int i = 0; i < dimension; i++) {
        int level = (int) ((data[offset + i] - min[i]) * inverse[i] + 0.5f);
        codes[offset + i] = (byte) (Math.clamp(level, 0, 255) - 128);
      }
    });
    if (pool == null) {
      fill.run();
    } else {
      pool.submit(fill).join();
    }
    return new Int8Codes(dimension, min, scale, codes);
  }

  /**
   * Codes for a finished graph's nodes, or null when they would blur the neighbourhoods the
   * graph is walked through: when the coding error (measured, root mean square over a sample
   * of nodes) is above {@value #MAX_ERROR_TO_NEIGHBOUR_DISTANCE} of the median distance from a
   * node to its nearest graph neighbour. Real embeddings spread over their per-dimension ranges
   * and pass with a wide margin; tight clusters far apart (a range far wider than a cluster)
   * do not, and are walked exactly.
   */
  static Int8Codes forGraph(float[] data, int dimension, int count, int[] nodes, CsrGraph graph,
      ForkJoinPool pool) {
    Int8Codes codes = encode(data, dimension, count, nodes, pool);
    if (codes == null) {
      return null;
    }
    CsrGraph.Layer base = graph.layers().get(0);
    int samples = Math.min(SAMPLES, base.nodes().length);
    double errorSum = 0;
    double[] nearest = new double[samples];
    int counted = 0;
    for (int s = 0; s < samples; s++) {
      int position = (int) ((long) s * base.nodes().length / samples);
      int node = base.nodes()[position];
      errorSum += codes.squaredError(data, node);
      double best = Double.POSITIVE_INFINITY;
      for (int e = base.offsets()[position]; e < base.offsets()[position + 1]; e++) {
        best = Math.min(best, squaredDistance(data, dimension, node, base.edges()[e]));
      }
      if (best > 0 && best < Double.POSITIVE_INFINITY) {
        nearest[counted++] = best;
      }
    }
    if (counted == 0) {
      return codes;
    }
    double[] found = Arrays.copyOf(nearest, counted);
    Arrays.sort(found);
    double rmsError = Math.sqrt(errorSum / samples);
    double medianNeighbour = Math.sqrt(found[counted / 2]);
    return rmsError <= MAX_ERROR_TO_NEIGHBOUR_DISTANCE * medianNeighbour ? codes : null;
  }

  private double squaredError(float[] data, int node) {
    double sum = 0;
    for (int i = 0; i < dimension; i++) {
      double e = data[node * dimension + i] - decoded(node, i);
      sum += e * e;
    }
    return sum;
  }

  private static double squaredDistance(float[] data, int dimension, int a, int b) {
    double sum = 0;
    for (int i = 0; i < dimension; i++) {
      double d = data[a * dimension + i] - data[b * dimension + i];
      sum += d * d;
    }
    return sum;
  }

  /**
   * Codes restored from their parts, as {@link #min()}, {@link #scale()} and {@link #codes()}
   * gave them.
   */
  static Int8Codes of(int dimension, float[] min, float[] scale, byte[] codes) {
    if (min.length != dimension || scale.length != dimension
        || codes.length % Math.max(1, dimension) != 0) {
      throw new IllegalArgumentException("8-bit codes of dimension " + dimension
          + " do not fit their parts");
    }
    return new Int8Codes(dimension, min, scale, codes);
  }

  int dimension() {
    return dimension;
  }

  float[] min() {
    return min;
  }

  byte[] codes() {
    return codes;
  }

  float[] scale() {
    return scale;
  }

  /**
   * {@code q − min − 128·scale}: with it, the squared distance from {@code q} to a decoded
   * vector is {@code Σ (a − scale·code)²}.
   */
  float[] l2Offsets(float[] query) {
    float[] a = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      a[i] = query[i] - min[i] - 128f * scale[i];
    }
    return a;
  }

  /** {@code q·scale}: with it, {@code q·decoded = dotBase(q) + Σ weight·code}. */
  float[] dotWeights(float[] query) {
    float[] w = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      w[i] = query[i] * scale[i];
    }
    return w;
  }

  /** {@code Σ q·(min + 128·scale)}: the part of {@code q·decoded} that no code changes. */
  float dotBase(float[] query) {
    double sum = 0;
    for (int i = 0; i < dimension; i++) {
      sum += (double) query[i] * (min[i] + 128f * scale[i]);
    }
    return (float) sum;
  }

  /** Dimension {@code i} of ordinal {@code node} as the codes represent it. */
  float decoded(int node, int i) {
    return min[i] + scale[i] * (codes[node * dimension + i] + 128);
  }

  long residentBytes() {
    return 48L + codes.length + 8L * dimension;
  }
}
