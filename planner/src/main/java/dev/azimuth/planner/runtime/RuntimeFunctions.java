package dev.azimuth.planner.runtime;

import dev.azimuth.sql.fun.VectorDistance;
import dev.azimuth.sql.fun.VectorOperators;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The executable twins of the dialect's vector operators: each SQL operator of
 * {@link VectorOperators} becomes one of these during SQL-to-relational conversion, so that
 * Calcite's code generator calls {@link VectorFunctions}. Immutable.
 */
public final class RuntimeFunctions {
  private static final Map<VectorDistance, SqlOperator> DISTANCES =
      new EnumMap<>(VectorDistance.class);
  private static final Map<SqlOperator, VectorDistance> DISTANCE_OF = new IdentityHashMap<>();
  private static final Map<SqlOperator, SqlOperator> BY_SQL_OPERATOR = new IdentityHashMap<>();

  static {
    distance(VectorDistance.L2, "l2Distance");
    distance(VectorDistance.COSINE, "cosineDistance");
    distance(VectorDistance.INNER_PRODUCT, "innerProduct");
    distance(VectorDistance.NEGATIVE_INNER_PRODUCT, "negativeInnerProduct");
    distance(VectorDistance.L1, "l1Distance");
    BY_SQL_OPERATOR.put(VectorOperators.L2_DISTANCE_OP, DISTANCES.get(VectorDistance.L2));
    BY_SQL_OPERATOR.put(VectorOperators.COSINE_DISTANCE_OP,
        DISTANCES.get(VectorDistance.COSINE));
    BY_SQL_OPERATOR.put(VectorOperators.NEGATIVE_INNER_PRODUCT_OP,
        DISTANCES.get(VectorDistance.NEGATIVE_INNER_PRODUCT));
    BY_SQL_OPERATOR.put(VectorOperators.L1_DISTANCE_OP, DISTANCES.get(VectorDistance.L1));
    BY_SQL_OPERATOR.put(VectorOperators.VECTOR_DIMS, udf("VECTOR_DIMS", "vectorDims",
        float[].class));
    BY_SQL_OPERATOR.put(VectorOperators.VECTOR_NORM, udf("VECTOR_NORM", "vectorNorm",
        float[].class));
    BY_SQL_OPERATOR.put(VectorOperators.L2_NORMALIZE, udf("L2_NORMALIZE", "l2Normalize",
        float[].class));
  }

  /** {@code TO_VECTOR(value)}. */
  public static final SqlOperator TO_VECTOR = udf("TO_VECTOR", "toVector", Object.class);
  /** {@code TO_VECTOR(value, dimension)}. */
  public static final SqlOperator TO_VECTOR_DIM =
      udf("TO_VECTOR", "toVector", Object.class, int.class);

  private RuntimeFunctions() {}

  /** The executable operator for a SQL operator of the dialect, or null if it has none. */
  public static @Nullable SqlOperator forSqlOperator(SqlOperator op) {
    if (op instanceof VectorOperators.SqlDistanceFunction f) {
      return DISTANCES.get(f.distance());
    }
    return BY_SQL_OPERATOR.get(op);
  }

  /** Which distance an executable operator computes, or null if it is not a distance. */
  public static @Nullable VectorDistance distanceOf(SqlOperator op) {
    return DISTANCE_OF.get(op);
  }

  private static void distance(VectorDistance d, String method) {
    SqlOperator op = udf(d.functionName(), method, float[].class, float[].class);
    DISTANCES.put(d, op);
    DISTANCE_OF.put(op, d);
  }

  private static SqlOperator udf(String name, String method, Class<?>... params) {
    Method m;
    try {
      m = VectorFunctions.class.getMethod(method, params);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    // Types are fixed by validation before conversion; these rules are never consulted.
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, InferTypes.RETURN_TYPE, null,
        ScalarFunctionImpl.create(m));
  }
}
