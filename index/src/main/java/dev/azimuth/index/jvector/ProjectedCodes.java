package dev.azimuth.index.jvector;

import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.CorruptGraphException;
import dev.azimuth.index.pca.PrincipalComponents;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * 8-bit codes of the vectors' leading principal components, to build and walk an HNSW graph by
 * Euclidean distance in that smaller space; COSINE vectors are projected as unit vectors, where
 * the Euclidean order is the cosine order. The walk's beam is then reranked on the full
 * vectors, so results keep exact distances.
 *
 * <p>Why: a walk and a build spend their time scoring vectors, and most of a real embedding's
 * variance lies in a fraction of its dimensions. On Fashion-MNIST (784 dimensions) 176
 * components keep 95 % of the variance: the codes are 4.5× smaller than the vectors' own 8-bit
 * codes, and the build scores projections instead of whole vectors (about half the CPU time).
 * The price is a walk that ranks neighbours less precisely, so it needs a wider beam for the
 * same recall (e.g. ef_search 30 for what 20 gave on the full codes). Immutable and
 * thread-safe.
 */
final class ProjectedCodes {
  /** Share of the variance the kept components must explain. */
  static final double VARIANCE = 0.95;
  /** Components are kept in multiples of this (whole SIMD steps on any machine). */
  static final int GRANULE = 16;
  /** Vectors the components are fitted on, at most. */
  static final int SAMPLE = 5_000;
  /** Fewer nodes than this are not worth projecting. */
  static final int MIN_NODES = 1_024;
  /** Fewer dimensions than this are not worth projecting. */
  static final int MIN_DIMENSION = 64;
  /**
   * Below this share of a close pair's squared distance kept by the projection, the graph's
   * neighbourhoods would lie in the dropped dimensions: tight clusters far apart, whose
   * variance is all between clusters. Fashion-MNIST keeps a median 0.75, WordNet's embeddings
   * 0.94.
   */
  static final double MIN_NEAR_PAIR_SHARE = 0.5;
  private static final int PAIR_SAMPLES = 64;
  private static final int PAIR_CANDIDATES = 2_000;
  /** Walk section kinds in a version 2 file. */
  private static final int NONE = 0;
  private static final int PROJECTED = 1;

  private final PrincipalComponents components;
  private final Int8Codes codes;
  private final boolean unit;
  /** L2 over the projections, for {@link Int8Scorer}; it holds no data. */
  private final ArraySimilarity space;

  private ProjectedCodes(PrincipalComponents components, Int8Codes codes, boolean unit,
      int count, int[] nodes) {
    this.components = components;
    this.codes = codes;
    this.unit = unit;
    this.space = ArraySimilarity.create(new float[0], components.rank(), count, nodes,
        Metric.L2, null);
  }

  /** The projections of the vectors at {@code nodes}, by ordinal, and their components. */
  record Projection(PrincipalComponents components, float[] data) {
    int rank() {
      return components.rank();
    }

    /** Euclidean similarities over the projections, to build a graph with. */
    ArraySimilarity similarity(int count, int[] nodes) {
      return ArraySimilarity.create(data, rank(), count, nodes, Metric.L2, null);
    }
  }

  /**
   * Fits the components and projects every node; null when projecting would not pay or would
   * mislead: another metric than L2 or COSINE, few nodes or dimensions, more than three
   * quarters of the dimensions needed, or close pairs that the projection squeezes together.
   */
  static Projection project(ArraySimilarity similarity, int count, int[] nodes,
      ForkJoinPool pool) {
    Metric metric = similarity.metric();
    int dimension = similarity.dimension();
    if ((metric != Metric.L2 && metric != Metric.COSINE) || nodes.length < MIN_NODES
        || dimension < MIN_DIMENSION) {
      return null;
    }
    float[] scales = null;
    if (metric == Metric.COSINE) {
      scales = new float[count];
      for (int node : nodes) {
        float norm = (float) Math.sqrt(similarity.squaredNorm(node));
        scales[node] = norm > 0 ? 1f / norm : 0f;
      }
    }
    float[] data = similarity.data();
    for (int node : nodes) {
      for (int i = node * dimension, end = i + dimension; i < end; i++) {
        if (!Float.isFinite(data[i])) {
          return null;
        }
      }
    }
    PrincipalComponents components = PrincipalComponents.fit(data, dimension, nodes, scales,
        VARIANCE, GRANULE, SAMPLE, pool);
    int rank = components.rank();
    if (rank * 4 > dimension * 3
        || nearPairShare(components, data, dimension, nodes, scales) < MIN_NEAR_PAIR_SHARE) {
      return null;
    }
    float[] projected = new float[count * rank];
    float[] s = scales;
    Runnable fill = () -> IntStream.range(0, nodes.length).parallel().forEach(i -> {
      int node = nodes[i];
      components.project(data, node * dimension, s == null ? 1f : s[node], projected,
          node * rank);
    });
    if (pool == null) {
      fill.run();
    } else {
      pool.submit(fill).join();
    }
    return new Projection(components, projected);
  }

  /**
   * The median share of a close pair's squared distance that survives projection: for a seeded
   * sample of nodes, the nearest of a sample of others.
   */
  static double nearPairShare(PrincipalComponents components, float[] data, int dimension,
      int[] nodes, float[] scales) {
    SplittableRandom random = new SplittableRandom(nodes.length);
    int rank = components.rank();
    float[] a = new float[dimension];
    float[] b = new float[dimension];
    float[] pa = new float[rank];
    float[] pb = new float[rank];
    double[] shares = new double[PAIR_SAMPLES];
    for (int s = 0; s < PAIR_SAMPLES; s++) {
      int node = nodes[random.nextInt(nodes.length)];
      unit(data, node, dimension, scales, a);
      int nearest = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < Math.min(PAIR_CANDIDATES, nodes.length); c++) {
        int other = nodes[random.nextInt(nodes.length)];
        unit(data, other, dimension, scales, b);
        double d = squaredDistance(a, b, dimension);
        if (other != node && d > 0 && d < best) {
          best = d;
          nearest = other;
        }
      }
      if (nearest < 0) {
        shares[s] = 1;
        continue;
      }
      unit(data, nearest, dimension, scales, b);
      components.project(a, 0, 1f, pa, 0);
      components.project(b, 0, 1f, pb, 0);
      shares[s] = Math.min(1, squaredDistance(pa, pb, rank) / best);
    }
    Arrays.sort(shares);
    return shares[PAIR_SAMPLES / 2];
  }

  private static void unit(float[] data, int node, int dimension, float[] scales, float[] out) {
    float scale = scales == null ? 1f : scales[node];
    for (int i = 0; i < dimension; i++) {
      out[i] = data[node * dimension + i] * scale;
    }
  }

  private static double squaredDistance(float[] a, float[] b, int length) {
    double sum = 0;
    for (int i = 0; i < length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return sum;
  }

  /** Codes of a projection; null when its values have no finite range. */
  static ProjectedCodes encode(Projection projection, Metric metric, int count, int[] nodes,
      ForkJoinPool pool) {
    Int8Codes codes = Int8Codes.encode(projection.data(), projection.rank(), count, nodes, pool);
    return codes == null ? null : new ProjectedCodes(projection.components(), codes,
        metric == Metric.COSINE, count, nodes);
  }

  /** A walk's scorer for {@code query}, in the projected space. */
  NeighbourScorer scorer(float[] query) {
    float scale = 1f;
    if (unit) {
      float norm = (float) Math.sqrt(space.kernels().squaredNorm(query, 0, query.length));
      scale = norm > 0 ? 1f / norm : 0f;
    }
    float[] projection = new float[components.rank()];
    components.project(query, 0, scale, projection, 0);
    return new Int8Scorer(space, codes, projection);
  }

  int rank() {
    return components.rank();
  }

  long residentBytes() {
    return components.residentBytes() + codes.residentBytes();
  }

  /**
   * Writes the walk section that ends a version 2 HNSW file: an int kind (0: none, 1:
   * projected), then for projected codes the rank, the explained variance (a double), the
   * components (rank × dimension floats), their mean offsets, the codes' minimums and scales
   * (rank floats each) and the codes (count × rank bytes, by ordinal).
   */
  static void write(DataOutput out, ProjectedCodes walk) throws IOException {
    if (walk == null) {
      out.writeInt(NONE);
      return;
    }
    PrincipalComponents c = walk.components;
    out.writeInt(PROJECTED);
    out.writeInt(c.rank());
    out.writeDouble(c.explained());
    writeFloats(out, c.basis());
    writeFloats(out, c.meanOffsets());
    writeFloats(out, walk.codes.min());
    writeFloats(out, walk.codes.scale());
    out.write(walk.codes.codes());
  }

  private static void writeFloats(DataOutput out, float[] values) throws IOException {
    for (float value : values) {
      out.writeFloat(value);
    }
  }

  /** Reads what {@link #write} wrote; null for a section of kind none. */
  static ProjectedCodes read(BulkInput in, GraphFileHeader header, int[] nodes, Path file)
      throws IOException {
    int kind = in.readInt();
    if (kind == NONE) {
      return null;
    }
    int dimension = header.dimension();
    if (kind != PROJECTED || header.options().metric() == Metric.NEGATIVE_DOT) {
      throw new CorruptGraphException(file, "damaged walk section: kind " + kind);
    }
    int rank = in.readInt();
    if (rank < 1 || rank > dimension) {
      throw new CorruptGraphException(file, "damaged walk section: rank " + rank
          + " for dimension " + dimension);
    }
    double explained = Double.longBitsToDouble(
        ((long) in.readInt() << 32) | (in.readInt() & 0xFFFFFFFFL));
    float[] basis = in.readFloats(rank * dimension);
    float[] meanOffsets = in.readFloats(rank);
    float[] min = in.readFloats(rank);
    float[] scale = in.readFloats(rank);
    byte[] codes = in.readBytes(Math.multiplyExact(header.count(), rank));
    PrincipalComponents components =
        PrincipalComponents.of(dimension, rank, explained, basis, meanOffsets);
    return new ProjectedCodes(components, Int8Codes.of(rank, min, scale, codes),
        header.options().metric() == Metric.COSINE, header.count(), nodes);
  }
}
