package dev.azimuth.sql.type;

import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's Java type factory plus {@link VectorSqlType}: vectors are {@code float[]} at run
 * time, keep their dimension through nullability changes, and unify only with vectors.
 * Thread-safe, as Calcite's factories are.
 */
public final class AzimuthTypeFactory extends JavaTypeFactoryImpl {
  /** Calcite's defaults, except that strings of different lengths meeting in VALUES or UNION
   * give VARCHAR rather than space-padded CHAR, as PostgreSQL does. */
  private static final RelDataTypeSystem TYPE_SYSTEM = new RelDataTypeSystemImpl() {
    @Override public boolean shouldConvertRaggedUnionTypesToVarying() {
      return true;
    }
  };

  public AzimuthTypeFactory() {
    super(TYPE_SYSTEM);
  }

  /**
   * UTF-8 for character types, where Calcite's default is ISO-8859-1 and a literal such as
   * {@code '向量数据库'} was refused ("Failed to encode ... in character set ISO-8859-1").
   */
  @Override public java.nio.charset.Charset getDefaultCharset() {
    return java.nio.charset.StandardCharsets.UTF_8;
  }

  /** The NOT NULL type {@code VECTOR(dimension)}; {@link VectorSqlType#ANY_DIMENSION} allowed. */
  public RelDataType createVectorType(int dimension) {
    return canonize(new VectorSqlType(dimension, false));
  }

  @Override public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
    if (type instanceof VectorSqlType v) {
      return v.isNullable() == nullable ? v : canonize(new VectorSqlType(v.dimension(), nullable));
    }
    return super.createTypeWithNullability(type, nullable);
  }

  @Override public Type getJavaClass(RelDataType type) {
    if (type instanceof VectorSqlType) {
      return float[].class;
    }
    return super.getJavaClass(type);
  }

  @Override public @Nullable RelDataType leastRestrictive(List<RelDataType> types) {
    VectorSqlType first = null;
    boolean nullable = false;
    boolean sameDimension = true;
    for (RelDataType t : types) {
      if (t instanceof VectorSqlType v) {
        if (first == null) {
          first = v;
        } else if (v.dimension() != first.dimension()) {
          sameDimension = false;
        }
        nullable |= v.isNullable();
      } else if (t.getSqlTypeName() == SqlTypeName.NULL) {
        nullable = true;
      } else if (first != null || hasVector(types)) {
        return null;
      }
    }
    if (first == null) {
      return super.leastRestrictive(types);
    }
    int dim = sameDimension ? first.dimension() : VectorSqlType.ANY_DIMENSION;
    return createTypeWithNullability(createVectorType(dim), nullable);
  }

  private static boolean hasVector(List<RelDataType> types) {
    for (RelDataType t : types) {
      if (t instanceof VectorSqlType) {
        return true;
      }
    }
    return false;
  }
}
