package dev.azimuth.sql.fun;

import org.apache.calcite.sql.type.SqlTypeName;

import org.apache.calcite.rel.type.RelDataTypeFactory;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.VectorText;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.type.AzimuthTypeFactory;
import dev.azimuth.sql.type.VectorSqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code TO_VECTOR(value [, dimension])}: a vector from its text form, a numeric ARRAY or a
 * vector. {@code CAST(x AS VECTOR(n))} and every implicit conversion to a vector become this
 * call during validation. A literal argument is parsed and checked here, so a malformed or
 * wrongly sized literal fails before anything runs; other values are checked as they run.
 */
final class ToVectorFunction extends SqlFunction {
  ToVectorFunction() {
    super("TO_VECTOR", SqlKind.OTHER_FUNCTION, ToVectorFunction::returnType,
        ToVectorFunction::inferParameters, new Checker(), SqlFunctionCategory.SYSTEM);
  }

  /**
   * A {@code ?} argument ({@code ?::vector}, {@code CAST(? AS VECTOR(3))}) takes the vector's
   * text form, as PostgreSQL's unknown-typed parameters do; the dimension is an integer.
   */
  private static void inferParameters(SqlCallBinding binding, RelDataType returnType,
      RelDataType[] operandTypes) {
    RelDataTypeFactory f = binding.getTypeFactory();
    for (int i = 0; i < operandTypes.length; i++) {
      operandTypes[i] = f.createTypeWithNullability(f.createSqlType(
          i == 0 ? SqlTypeName.VARCHAR : SqlTypeName.INTEGER), true);
    }
  }

  private static RelDataType returnType(SqlOperatorBinding binding) {
    AzimuthTypeFactory typeFactory = (AzimuthTypeFactory) binding.getTypeFactory();
    RelDataType argType = binding.getOperandType(0);
    int dimension = VectorSqlType.ANY_DIMENSION;
    if (binding.getOperandCount() == 2) {
      Integer d = binding.getOperandLiteralValue(1, Integer.class);
      dimension = d == null ? VectorSqlType.ANY_DIMENSION : d;
    } else if (argType instanceof VectorSqlType v) {
      dimension = v.dimension();
    } else if (binding instanceof SqlCallBinding call) {
      dimension = literalDimension(call.operand(0));
    }
    return typeFactory.createTypeWithNullability(typeFactory.createVectorType(dimension),
        argType.isNullable());
  }

  /** The dimension of a literal argument, or ANY_DIMENSION when it is not a literal. */
  private static int literalDimension(SqlNode operand) {
    if (operand instanceof SqlCharStringLiteral literal) {
      return parse(literal).length;
    }
    if (operand.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
      return ((SqlCall) operand).operandCount();
    }
    return VectorSqlType.ANY_DIMENSION;
  }

  private static float[] parse(SqlCharStringLiteral literal) {
    try {
      return VectorText.parse(literal.getValueAs(String.class));
    } catch (AzimuthException e) {
      throw new SqlValidationException(e.code(), e.getMessage(), literal.getParserPosition());
    }
  }

  /** Type rules: the first argument must be convertible, the second an integer literal. */
  private static final class Checker implements SqlOperandTypeChecker {
    @Override public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      SqlCall call = binding.getCall();
      RelDataType argType = binding.getOperandType(0);
      VectorArguments.Kind kind = VectorArguments.classify(argType);
      if (kind == VectorArguments.Kind.OTHER) {
        if (!throwOnFailure) {
          return false;
        }
        throw new SqlValidationException(ErrorCode.DATATYPE_MISMATCH,
            "cannot convert " + argType + " to a vector; give a literal like '[1,2,3]', "
                + "a numeric ARRAY or a vector", call.operand(0).getParserPosition());
      }
      SqlNode dimNode = binding.getOperandCount() < 2 ? null : call.operand(1);
      if (call.operand(0) instanceof SqlDynamicParam param && throwOnFailure) {
        AzimuthTypeFactory typeFactory = (AzimuthTypeFactory) binding.getTypeFactory();
        int d = dimNode instanceof SqlLiteral l ? l.intValue(true) : VectorSqlType.ANY_DIMENSION;
        binding.getValidator().setValidatedNodeType(param,
            typeFactory.createTypeWithNullability(typeFactory.createVectorType(d), true));
      }
      if (dimNode == null) {
        return true;
      }
      if (!(dimNode instanceof SqlLiteral)
          || !SqlTypeUtil.isIntType(binding.getOperandType(1))) {
        if (!throwOnFailure) {
          return false;
        }
        throw new SqlValidationException(ErrorCode.DATATYPE_MISMATCH,
            "TO_VECTOR's dimension must be an integer literal", dimNode.getParserPosition());
      }
      int expected = ((SqlLiteral) dimNode).intValue(true);
      int actual = literalDimension(call.operand(0));
      if (argType instanceof VectorSqlType v) {
        actual = v.dimension();
      }
      if (actual != VectorSqlType.ANY_DIMENSION && expected != VectorSqlType.ANY_DIMENSION
          && actual != expected) {
        if (!throwOnFailure) {
          return false;
        }
        throw new SqlValidationException(ErrorCode.DATA_EXCEPTION,
            "expected " + expected + " dimensions, not " + actual,
            call.operand(0).getParserPosition());
      }
      return true;
    }

    @Override public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.between(1, 2);
    }

    @Override public String getAllowedSignatures(SqlOperator op, String opName) {
      return "TO_VECTOR(<CHARACTER>|<ARRAY>|<VECTOR> [, <INTEGER>])";
    }
  }
}
