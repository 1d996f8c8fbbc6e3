package dev.azimuth.index.graph;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;

/**
 * The validated options of one graph index, named as in SQL ({@code m}, {@code ef_construction},
 * {@code pq_subspaces}) in error messages.
 *
 * <p>Ranges follow pgvector's HNSW options, including its rule that {@code ef_construction} be
 * at least {@code 2 * m}: a beam narrower than the layer-0 degree cannot fill a node's list.
 * Immutable and thread-safe.
 *
 * @param kind the shape of the graph
 * @param metric the distance to rank by: {@link Metric#L2}, {@link Metric#COSINE} or
 *     {@link Metric#NEGATIVE_DOT}
 * @param m the maximum number of neighbours per node on the upper layers; layer 0 allows
 *     {@code 2 * m}, as in HNSW
 * @param efConstruction the beam width of the searches that choose a new node's neighbours
 * @param pqSubspaces for {@link GraphKind#DISKANN}, the number of product-quantization
 *     subspaces (code bytes per vector), 0 for automatic (see {@link #pqSubspacesFor}); must be
 *     0 for {@link GraphKind#HNSW}
 */
public record GraphOptions(
    GraphKind kind, Metric metric, int m, int efConstruction, int pqSubspaces) {
  /** The default {@code m}. */
  public static final int DEFAULT_M = 16;
  /** The default {@code ef_construction}. */
  public static final int DEFAULT_EF_CONSTRUCTION = 100;
  /** The smallest allowed {@code m}. */
  public static final int MIN_M = 2;
  /** The largest allowed {@code m}. */
  public static final int MAX_M = 100;
  /** The smallest allowed {@code ef_construction}. */
  public static final int MIN_EF_CONSTRUCTION = 4;
  /** The largest allowed {@code ef_construction}. */
  public static final int MAX_EF_CONSTRUCTION = 1000;
  /** The floats per subspace that automatic {@code pq_subspaces} aims for. */
  public static final int AUTOMATIC_PQ_SUBSPACE_WIDTH = 2;

  /**
   * Checks every option.
   *
   * @throws AzimuthException with {@link ErrorCode#INVALID_PARAMETER_VALUE} naming the option
   *     and the allowed values
   */
  public GraphOptions {
    requireNonNull(kind, "kind");
    requireNonNull(metric, "metric");
    if (metric == Metric.L1) {
      throw invalid("graph indexes do not support the L1 metric (<+>): use L2, COSINE or"
          + " NEGATIVE_DOT, or search L1 without an index");
    }
    if (m < MIN_M || m > MAX_M) {
      throw invalid("m must be between " + MIN_M + " and " + MAX_M + ", got " + m);
    }
    if (efConstruction < MIN_EF_CONSTRUCTION || efConstruction > MAX_EF_CONSTRUCTION) {
      throw invalid("ef_construction must be between " + MIN_EF_CONSTRUCTION + " and "
          + MAX_EF_CONSTRUCTION + ", got " + efConstruction);
    }
    if (efConstruction < 2 * m) {
      throw invalid("ef_construction must be greater than or equal to 2 * m, got ef_construction "
          + efConstruction + " and m " + m);
    }
    if (pqSubspaces < 0) {
      throw invalid("pq_subspaces must not be negative, got " + pqSubspaces);
    }
    if (kind == GraphKind.HNSW && pqSubspaces != 0) {
      throw invalid("pq_subspaces applies only to DISKANN indexes, got " + pqSubspaces
          + " for an HNSW index");
    }
  }

  /** The options with default {@code m}, {@code ef_construction} and automatic PQ. */
  public static GraphOptions of(GraphKind kind, Metric metric) {
    return new GraphOptions(kind, metric, DEFAULT_M, DEFAULT_EF_CONSTRUCTION, 0);
  }

  /**
   * The number of PQ subspaces for vectors of {@code dimension} floats.
   *
   * <p>Automatic ({@code pq_subspaces = 0}) takes {@code max(1, dimension / 2)}: two floats
   * per code byte, an 8× compression. Four floats per byte (16×) lost too much: recall@10 0.64 at
   * efSearch 64 on 60,000 clustered 128-d vectors, against 0.987 with two. A dimension need not
   * divide evenly: the first {@code dimension % subspaces} subspaces get one float more than the
   * rest (e.g. 131 floats make 65 subspaces, one of 3 floats and sixty-four of 2). An explicit value must lie in {@code [1, dimension]}.
   *
   * @throws AzimuthException with {@link ErrorCode#INVALID_PARAMETER_VALUE} when an explicit
   *     value exceeds the dimension
   */
  public int pqSubspacesFor(int dimension) {
    if (dimension < 1) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "a graph index needs a dimension of at least 1, got " + dimension);
    }
    if (pqSubspaces == 0) {
      return Math.max(1, dimension / AUTOMATIC_PQ_SUBSPACE_WIDTH);
    }
    if (pqSubspaces > dimension) {
      throw invalid("pq_subspaces must not exceed the vector dimension " + dimension + ", got "
          + pqSubspaces);
    }
    return pqSubspaces;
  }

  private static AzimuthException invalid(String message) {
    return new AzimuthException(ErrorCode.INVALID_PARAMETER_VALUE, message);
  }
}
