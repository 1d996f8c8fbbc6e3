package dev.azimuth.sql.fun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/** The vector functions and operators of the dialect; one instance of each. */
public final class VectorOperators {
  private VectorOperators() {}

  // Between comparison (30) and + - (40), as PostgreSQL ranks user-defined operators.
  private static final int DISTANCE_PRECEDENCE = 34;

  public static final SqlFunction TO_VECTOR = new ToVectorFunction();

  public static final SqlDistanceFunction L2_DISTANCE = new SqlDistanceFunction(VectorDistance.L2);
  public static final SqlDistanceFunction COSINE_DISTANCE =
      new SqlDistanceFunction(VectorDistance.COSINE);
  public static final SqlDistanceFunction INNER_PRODUCT =
      new SqlDistanceFunction(VectorDistance.INNER_PRODUCT);
  public static final SqlDistanceFunction NEGATIVE_INNER_PRODUCT =
      new SqlDistanceFunction(VectorDistance.NEGATIVE_INNER_PRODUCT);
  public static final SqlDistanceFunction L1_DISTANCE = new SqlDistanceFunction(VectorDistance.L1);

  public static final SqlDistanceOperator L2_DISTANCE_OP =
      new SqlDistanceOperator(VectorDistance.L2);
  public static final SqlDistanceOperator COSINE_DISTANCE_OP =
      new SqlDistanceOperator(VectorDistance.COSINE);
  public static final SqlDistanceOperator NEGATIVE_INNER_PRODUCT_OP =
      new SqlDistanceOperator(VectorDistance.NEGATIVE_INNER_PRODUCT);
  public static final SqlDistanceOperator L1_DISTANCE_OP =
      new SqlDistanceOperator(VectorDistance.L1);

  /** {@code VECTOR_DIMS(v)}: the number of components. */
  public static final SqlFunction VECTOR_DIMS = new SqlFunction("VECTOR_DIMS",
      SqlKind.OTHER_FUNCTION, ReturnTypes.INTEGER_NULLABLE, null, new VectorArguments(1),
      SqlFunctionCategory.NUMERIC);

  /** {@code VECTOR_NORM(v)}: the Euclidean norm. */
  public static final SqlFunction VECTOR_NORM = new SqlFunction("VECTOR_NORM",
      SqlKind.OTHER_FUNCTION, ReturnTypes.DOUBLE_NULLABLE, null, new VectorArguments(1),
      SqlFunctionCategory.NUMERIC);

  /** {@code L2_NORMALIZE(v)}: v scaled to unit length (a zero vector stays zero, as pgvector). */
  public static final SqlFunction L2_NORMALIZE = new SqlFunction("L2_NORMALIZE",
      SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0.andThen(SqlTypeTransforms.TO_NULLABLE), null,
      new VectorArguments(1), SqlFunctionCategory.NUMERIC);

  /** Every operator above, for the operator table. */
  public static List<SqlOperator> all() {
    List<SqlOperator> ops = new ArrayList<>();
    Collections.addAll(ops, TO_VECTOR, L2_DISTANCE, COSINE_DISTANCE, INNER_PRODUCT,
        NEGATIVE_INNER_PRODUCT, L1_DISTANCE, L2_DISTANCE_OP, COSINE_DISTANCE_OP,
        NEGATIVE_INNER_PRODUCT_OP, L1_DISTANCE_OP, VECTOR_DIMS, VECTOR_NORM, L2_NORMALIZE);
    return ops;
  }

  /** A distance as a function call, e.g. {@code L2_DISTANCE(a, b)}. */
  public static final class SqlDistanceFunction extends SqlFunction {
    private final VectorDistance distance;

    SqlDistanceFunction(VectorDistance distance) {
      super(distance.functionName(), SqlKind.OTHER_FUNCTION, ReturnTypes.DOUBLE_NULLABLE,
          new VectorArguments(2), new VectorArguments(2), SqlFunctionCategory.NUMERIC);
      this.distance = distance;
    }

    public VectorDistance distance() {
      return distance;
    }
  }

  /** A distance as pgvector's infix operator, e.g. {@code a <-> b}. */
  public static final class SqlDistanceOperator extends SqlBinaryOperator {
    private final VectorDistance distance;

    SqlDistanceOperator(VectorDistance distance) {
      super(distance.operator(), SqlKind.OTHER, DISTANCE_PRECEDENCE, true,
          ReturnTypes.DOUBLE_NULLABLE, new VectorArguments(2), new VectorArguments(2));
      this.distance = distance;
    }

    public VectorDistance distance() {
      return distance;
    }

    // The inherited version also compares the operands' character sets, which fails on a ?
    // whose type is inferred only afterwards; a distance is a DOUBLE whatever they are.
    @Override public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope,
        SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        validator.deriveType(scope, operand);
      }
      return validateOperands(validator, scope, call);
    }
  }
}
