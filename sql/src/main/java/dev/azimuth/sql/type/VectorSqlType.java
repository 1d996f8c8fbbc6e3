package dev.azimuth.sql.type;

import org.apache.calcite.rel.type.RelDataTypeComparability;
import org.apache.calcite.rel.type.RelDataTypeFamily;
import org.apache.calcite.sql.type.AbstractSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL type {@code VECTOR(n)}: n float32 components, held at run time as a {@code float[]}.
 *
 * <p>Calcite has no vector type, so this is a type of its own (reported as {@link
 * SqlTypeName#OTHER}) rather than a REAL ARRAY: arrays are Java lists inside Calcite's generated
 * code, and vectors must stay flat float arrays all the way to the distance kernels. Each
 * dimension is its own type family, so VECTOR(3) is not assignable from VECTOR(4). A dimension of
 * {@link #ANY_DIMENSION} types expressions whose length is known only at run time. Instances are
 * made and interned by {@link AzimuthTypeFactory#createVectorType}.
 */
public final class VectorSqlType extends AbstractSqlType {
  /** Dimension of a vector expression whose length is not known before it runs. */
  public static final int ANY_DIMENSION = -1;
  /** Largest dimension a VECTOR column may have (pgvector's limit as well). */
  public static final int MAX_DIMENSION = 16000;

  private final int dimension;

  VectorSqlType(int dimension, boolean nullable) {
    super(SqlTypeName.OTHER, nullable, null);
    this.dimension = dimension;
    computeDigest();
  }

  /** Number of components, or {@link #ANY_DIMENSION}. */
  public int dimension() {
    return dimension;
  }

  public boolean hasKnownDimension() {
    return dimension != ANY_DIMENSION;
  }

  @Override protected void generateTypeString(StringBuilder sb, boolean withDetail) {
    sb.append("VECTOR");
    if (dimension != ANY_DIMENSION) {
      sb.append('(').append(dimension).append(')');
    }
  }

  @Override public RelDataTypeFamily getFamily() {
    return this;
  }

  // Vectors have no order; grouping and equality on float arrays are not offered either.
  @Override public RelDataTypeComparability getComparability() {
    return RelDataTypeComparability.NONE;
  }
}
