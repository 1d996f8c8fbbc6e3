package dev.azimuth.planner.runtime;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.VectorText;
import dev.azimuth.index.Metric;
import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.kernel.VectorKernels;
import dev.azimuth.sql.fun.VectorDistance;
import java.util.List;
import org.apache.calcite.linq4j.function.Strict;

/**
 * The implementations behind the SQL vector functions; generated code calls these. Distances
 * use {@link Metric} with the same kernels as the exact search, so a distance in a select list
 * equals the one a search ranked by. Stateless and thread-safe.
 */
public final class VectorFunctions {
  private static final VectorKernels KERNELS = Kernels.get();

  private VectorFunctions() {}

  @Strict
  public static double l2Distance(float[] a, float[] b) {
    sameDimension(a, b);
    return distanceAt(VectorDistance.L2, a, 0, b);
  }

  @Strict
  public static double cosineDistance(float[] a, float[] b) {
    sameDimension(a, b);
    return distanceAt(VectorDistance.COSINE, a, 0, b);
  }

  @Strict
  public static double innerProduct(float[] a, float[] b) {
    sameDimension(a, b);
    return distanceAt(VectorDistance.INNER_PRODUCT, a, 0, b);
  }

  @Strict
  public static double negativeInnerProduct(float[] a, float[] b) {
    sameDimension(a, b);
    return distanceAt(VectorDistance.NEGATIVE_INNER_PRODUCT, a, 0, b);
  }

  @Strict
  public static double l1Distance(float[] a, float[] b) {
    sameDimension(a, b);
    return distanceAt(VectorDistance.L1, a, 0, b);
  }

  /**
   * The SQL distance function {@code d} between the vector stored at {@code data[offset ..]}
   * and {@code query} (of the same dimension), computed in place: the one definition both the
   * functions above and a vector search's returned distances use.
   */
  static double distanceAt(VectorDistance d, float[] data, int offset, float[] query) {
    int n = query.length;
    // pgvector's arithmetic: sums in float, the last step (square root, division) in double,
    // so a distance prints as pgvector prints it (sqrt 27 is 5.196152422706632, not the
    // float 5.1961522...). Rankings use Metric's float distances, which order the same.
    return switch (d) {
      case L2 -> Math.sqrt((double) KERNELS.squaredL2(data, offset, query, 0, n));
      case COSINE -> cosineDistance(KERNELS.dot(data, offset, query, 0, n),
          KERNELS.squaredNorm(data, offset, n), KERNELS.squaredNorm(query, 0, n));
      case INNER_PRODUCT -> KERNELS.dot(data, offset, query, 0, n);
      case NEGATIVE_INNER_PRODUCT -> -(double) KERNELS.dot(data, offset, query, 0, n);
      case L1 -> KERNELS.l1(data, offset, query, 0, n);
    };
  }

  /** {@code 1 − a·b / (|a|·|b|)} in double from float sums, NaN for a zero vector. */
  private static double cosineDistance(float dot, float squaredNormA, float squaredNormB) {
    if (squaredNormA == 0f || squaredNormB == 0f) {
      return Double.NaN;
    }
    double similarity = dot / Math.sqrt((double) squaredNormA * squaredNormB);
    return 1.0 - Math.max(-1.0, Math.min(1.0, similarity));
  }

  @Strict
  public static int vectorDims(float[] v) {
    return v.length;
  }

  @Strict
  public static double vectorNorm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return Math.sqrt(sum);
  }

  /** {@code v / |v|}; a zero vector is returned unchanged, as pgvector does. */
  @Strict
  public static float[] l2Normalize(float[] v) {
    double norm = vectorNorm(v);
    if (norm == 0) {
      return v.clone();
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }

  /** {@code TO_VECTOR(value)} of any length. */
  @Strict
  public static float[] toVector(Object value) {
    return toVector(value, -1);
  }

  /**
   * {@code TO_VECTOR(value, dimension)}: a vector from text, a list of numbers or a vector;
   * {@code dimension} -1 accepts any length.
   */
  @Strict
  public static float[] toVector(Object value, int dimension) {
    float[] v = switch (value) {
      case float[] f -> f;
      case String s -> VectorText.parse(s);
      case List<?> list -> fromList(list);
      default -> throw new AzimuthException(ErrorCode.DATATYPE_MISMATCH,
          "cannot convert a " + value.getClass().getSimpleName() + " to a vector");
    };
    if (dimension >= 0 && v.length != dimension) {
      throw new AzimuthException(ErrorCode.DATA_EXCEPTION,
          "expected " + dimension + " dimensions, not " + v.length);
    }
    return v;
  }

  private static float[] fromList(List<?> list) {
    float[] v = new float[list.size()];
    for (int i = 0; i < v.length; i++) {
      if (!(list.get(i) instanceof Number n)) {
        throw new AzimuthException(ErrorCode.DATA_EXCEPTION,
            "vector component " + (i + 1) + " is " + list.get(i) + ", not a number");
      }
      v[i] = n.floatValue();
    }
    VectorText.requireFinite(v, "vector");
    return v;
  }

  private static void sameDimension(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new AzimuthException(ErrorCode.DATA_EXCEPTION,
          "different vector dimensions " + a.length + " and " + b.length);
    }
  }
}
