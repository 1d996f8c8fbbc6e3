package dev.azimuth.index.pca;

import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.kernel.VectorKernels;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The leading principal components of a set of vectors: their mean and an orthonormal basis of
 * the directions of largest variance, in decreasing order. Projecting onto the first
 * {@link #rank()} components keeps {@link #explained()} of the variance; the Euclidean
 * distance between projections approximates the distance between the vectors from below.
 *
 * <p>Fitted on an evenly spaced sample of the vectors (the covariance through our SIMD dot
 * products, its eigenvectors through EJML's symmetric eigen decomposition). Immutable and
 * thread-safe.
 */
public final class PrincipalComponents {
  private final int dimension;
  private final int rank;
  private final double explained;
  /** Row {@code i} ({@code dimension} floats) is component {@code i}, a unit vector. */
  private final float[] basis;
  /** Component {@code i} times the mean, so that a projection needs no centred copy. */
  private final float[] meanOffsets;
  private final VectorKernels kernels = Kernels.get();

  private PrincipalComponents(int dimension, int rank, double explained, float[] basis,
      float[] meanOffsets) {
    this.dimension = dimension;
    this.rank = rank;
    this.explained = explained;
    this.basis = basis;
    this.meanOffsets = meanOffsets;
  }

  /** Restores components saved with {@link #basis()} and {@link #meanOffsets()}. */
  public static PrincipalComponents of(int dimension, int rank, double explained,
      float[] basis, float[] meanOffsets) {
    if (basis.length != rank * dimension || meanOffsets.length != rank) {
      throw new IllegalArgumentException("components of " + rank + " × " + dimension
          + " need " + rank * dimension + " and " + rank + " floats");
    }
    return new PrincipalComponents(dimension, rank, explained, basis, meanOffsets);
  }

  /**
   * Fits the components of the vectors at {@code nodes} of {@code data} (vector {@code i} at
   * {@code i * dimension}), each multiplied by {@code scales[i]} when {@code scales} is not
   * null (1 / norm, to fit directions rather than vectors), keeping the fewest components,
   * a multiple of {@code granule}, that explain at least {@code variance} of the variance.
   *
   * @param sample at most this many vectors, evenly spaced over {@code nodes}, are used
   * @param pool runs the covariance; null runs it on the calling thread
   */
  public static PrincipalComponents fit(float[] data, int dimension, int[] nodes,
      float[] scales, double variance, int granule, int sample, ForkJoinPool pool) {
    int n = Math.min(sample, nodes.length);
    if (n < 2) {
      throw new IllegalArgumentException("principal components need at least two vectors");
    }
    // The sample, centred and transposed: row j holds dimension j of every sampled vector,
    // so that each covariance entry is one contiguous dot product.
    double[] mean = new double[dimension];
    int[] picked = new int[n];
    for (int s = 0; s < n; s++) {
      picked[s] = nodes[(int) ((long) s * nodes.length / n)];
      float scale = scales == null ? 1f : scales[picked[s]];
      for (int j = 0; j < dimension; j++) {
        mean[j] += data[picked[s] * dimension + j] * scale;
      }
    }
    for (int j = 0; j < dimension; j++) {
      mean[j] /= n;
    }
    float[] columns = new float[dimension * n];
    for (int s = 0; s < n; s++) {
      float scale = scales == null ? 1f : scales[picked[s]];
      for (int j = 0; j < dimension; j++) {
        columns[j * n + s] = (float) (data[picked[s] * dimension + j] * scale - mean[j]);
      }
    }
    double[] covariance = new double[dimension * dimension];
    VectorKernels kernels = Kernels.get();
    Runnable fill = () -> IntStream.range(0, dimension).parallel().forEach(i -> {
      for (int j = 0; j <= i; j++) {
        double c = kernels.dot(columns, i * n, columns, j * n, n) / (double) n;
        covariance[i * dimension + j] = c;
        covariance[j * dimension + i] = c;
      }
    });
    if (pool == null) {
      fill.run();
    } else {
      pool.submit(fill).join();
    }
    return fromCovariance(covariance, mean, dimension, variance, granule);
  }

  private static PrincipalComponents fromCovariance(double[] covariance, double[] mean,
      int dimension, double variance, int granule) {
    EigenDecomposition_F64<DMatrixRMaj> eigen =
        DecompositionFactory_DDRM.eig(dimension, true, true);
    if (!eigen.decompose(new DMatrixRMaj(dimension, dimension, true, covariance))) {
      throw new IllegalStateException("the covariance matrix could not be decomposed");
    }
    Integer[] order = new Integer[eigen.getNumberOfEigenvalues()];
    double[] values = new double[order.length];
    double total = 0;
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      values[i] = Math.max(0, eigen.getEigenvalue(i).getReal());
      total += values[i];
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
    int rank = 0;
    double kept = 0;
    while (rank < order.length && (total <= 0 || kept / total < variance || rank % granule != 0)) {
      kept += values[order[rank]];
      rank++;
    }
    rank = Math.max(1, rank);
    float[] basis = new float[rank * dimension];
    float[] meanOffsets = new float[rank];
    for (int i = 0; i < rank; i++) {
      DMatrixRMaj v = eigen.getEigenVector(order[i]);
      double offset = 0;
      for (int j = 0; j < dimension; j++) {
        basis[i * dimension + j] = (float) v.get(j, 0);
        offset += v.get(j, 0) * mean[j];
      }
      meanOffsets[i] = (float) offset;
    }
    return new PrincipalComponents(dimension, rank, total <= 0 ? 1 : kept / total, basis,
        meanOffsets);
  }

  /** How many components a projection keeps. */
  public int rank() {
    return rank;
  }

  public int dimension() {
    return dimension;
  }

  /** The share of the fitted vectors' variance that the kept components explain. */
  public double explained() {
    return explained;
  }

  /** The components, row by row ({@code rank × dimension}); do not modify. */
  public float[] basis() {
    return basis;
  }

  /** Each component times the mean; do not modify. */
  public float[] meanOffsets() {
    return meanOffsets;
  }

  /**
   * Projects {@code scale} times the vector at {@code vector[offset ..]}, minus the mean,
   * onto the components: {@code out[0 .. rank)}.
   */
  public void project(float[] vector, int offset, float scale, float[] out, int outOffset) {
    float[] four = new float[4];
    int i = 0;
    // Four components per pass: the vector stays in registers and cache while four rows
    // stream through the batched kernel.
    for (; i + 4 <= rank; i += 4) {
      kernels.dotx4(vector, offset, basis, i * dimension, (i + 1) * dimension,
          (i + 2) * dimension, (i + 3) * dimension, dimension, four);
      for (int j = 0; j < 4; j++) {
        out[outOffset + i + j] = four[j] * scale - meanOffsets[i + j];
      }
    }
    for (; i < rank; i++) {
      out[outOffset + i] =
          kernels.dot(basis, i * dimension, vector, offset, dimension) * scale - meanOffsets[i];
    }
  }

  /** Bytes this holds. */
  public long residentBytes() {
    return 32L + 4L * (basis.length + meanOffsets.length);
  }
}
