package dev.azimuth.sql.fun;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.LiteralParameter;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.type.AzimuthTypeFactory;
import dev.azimuth.sql.type.VectorSqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Type rules for functions whose arguments are all vectors (distances, norms).
 *
 * <p>An argument may be a VECTOR, a vector literal string, or a numeric ARRAY; strings and
 * arrays are wrapped in {@code TO_VECTOR(arg, n)} during validation, where n is the dimension of
 * the vector arguments (so {@code embedding <-> '[1,2,3]'} is checked against the column's
 * dimension). A {@code ?} takes the type of the vector argument beside it. Two vector arguments
 * must agree in dimension. Stateless.
 */
final class VectorArguments implements SqlOperandTypeChecker, SqlOperandTypeInference {
  private final int count;

  VectorArguments(int count) {
    this.count = count;
  }

  /** What an argument is, as far as vector functions care. */
  enum Kind { VECTOR, TEXT, ARRAY, NULL, OTHER }

  static Kind classify(RelDataType type) {
    if (type instanceof VectorSqlType) {
      return Kind.VECTOR;
    }
    if (SqlTypeUtil.isCharacter(type)) {
      return Kind.TEXT;
    }
    if (type.getSqlTypeName() == SqlTypeName.ARRAY) {
      RelDataType component = type.getComponentType();
      return component != null
          && (SqlTypeUtil.isNumeric(component) || component.getSqlTypeName() == SqlTypeName.NULL)
          ? Kind.ARRAY : Kind.OTHER;
    }
    // UNKNOWN: a ? whose type is inferred later, from the other argument.
    if (type.getSqlTypeName() == SqlTypeName.NULL
        || type.getSqlTypeName() == SqlTypeName.UNKNOWN) {
      return Kind.NULL;
    }
    return Kind.OTHER;
  }

  @Override public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    SqlCall call = binding.getCall();
    SqlOperator op = call.getOperator();
    int dimension = VectorSqlType.ANY_DIMENSION;
    Kind[] kinds = new Kind[count];
    for (int i = 0; i < count; i++) {
      RelDataType type = binding.getOperandType(i);
      kinds[i] = classify(type);
      if (kinds[i] == Kind.OTHER) {
        if (!throwOnFailure) {
          return false;
        }
        throw new SqlValidationException(ErrorCode.DATATYPE_MISMATCH,
            op.getName() + " expects vector arguments, but argument " + (i + 1) + " is " + type,
            call.operand(i).getParserPosition());
      }
      if (type instanceof VectorSqlType v && v.hasKnownDimension()) {
        if (dimension != VectorSqlType.ANY_DIMENSION && dimension != v.dimension()) {
          if (!throwOnFailure) {
            return false;
          }
          throw new SqlValidationException(ErrorCode.DATA_EXCEPTION,
              op.getName() + ": different vector dimensions " + dimension + " and "
                  + v.dimension(), call.getParserPosition());
        }
        dimension = v.dimension();
      }
    }
    if (!throwOnFailure) {
      return true;
    }
    AzimuthTypeFactory typeFactory = (AzimuthTypeFactory) binding.getTypeFactory();
    RelDataType vectorType = typeFactory.createVectorType(dimension);
    for (int i = 0; i < count; i++) {
      // Calcite infers the type of a ? in some clauses only (not ORDER BY): settle it here.
      if (call.operand(i) instanceof SqlDynamicParam param) {
        binding.getValidator().setValidatedNodeType(param,
            typeFactory.createTypeWithNullability(vectorType,
                !(param instanceof LiteralParameter)));
        continue;
      }
      if (kinds[i] == Kind.TEXT || kinds[i] == Kind.ARRAY) {
        SqlNode operand = call.operand(i);
        SqlParserPos pos = operand.getParserPosition();
        SqlNode wrapped = dimension == VectorSqlType.ANY_DIMENSION
            ? VectorOperators.TO_VECTOR.createCall(pos, operand)
            : VectorOperators.TO_VECTOR.createCall(pos, operand,
                SqlLiteral.createExactNumeric(Integer.toString(dimension), pos));
        call.setOperand(i, wrapped);
        binding.getValidator().deriveType(binding.getScope(), wrapped);
      }
    }
    return true;
  }

  @Override public void inferOperandTypes(SqlCallBinding binding, RelDataType returnType,
      RelDataType[] operandTypes) {
    AzimuthTypeFactory typeFactory = (AzimuthTypeFactory) binding.getTypeFactory();
    RelDataType known = null;
    for (SqlNode operand : binding.operands()) {
      if (!(operand instanceof SqlDynamicParam)) {
        RelDataType t = binding.getValidator().deriveType(binding.getScope(), operand);
        if (t instanceof VectorSqlType) {
          known = t;
          break;
        }
      }
    }
    RelDataType vector = typeFactory.createTypeWithNullability(
        known != null ? known : typeFactory.createVectorType(VectorSqlType.ANY_DIMENSION), true);
    for (int i = 0; i < operandTypes.length; i++) {
      operandTypes[i] = vector;
    }
  }

  @Override public SqlOperandCountRange getOperandCountRange() {
    return SqlOperandCountRanges.of(count);
  }

  @Override public String getAllowedSignatures(SqlOperator op, String opName) {
    return count == 1 ? opName + "(<VECTOR>)" : opName + "(<VECTOR>, <VECTOR>)";
  }
}
