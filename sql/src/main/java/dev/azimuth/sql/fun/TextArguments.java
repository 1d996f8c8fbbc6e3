package dev.azimuth.sql.fun;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.LiteralParameter;
import dev.azimuth.sql.SqlValidationException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Type rules of {@code TEXT_MATCH} and {@code BM25}: the first argument is a VARCHAR column of a
 * stored table, the second text (a string, a {@code ?}, which is typed VARCHAR, or NULL). A call
 * that passes gets a {@link TextOperators.ResolvedTextFunction} naming that column as its
 * operator. Stateless.
 */
final class TextArguments implements SqlOperandTypeChecker, SqlOperandTypeInference {
  @Override public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    SqlCall call = binding.getCall();
    String name = call.getOperator().getName();
    SqlNode column = call.operand(0);
    TextOperators.TextColumn resolved = TextOperators.resolve(binding.getScope(), column);
    if (resolved == null) {
      return fail(throwOnFailure, name + " needs a VARCHAR column of a table as its first "
          + "argument, e.g. " + name + "(body, 'words'); got " + column, column);
    }
    RelDataType columnType = binding.getOperandType(0);
    if (!SqlTypeUtil.isCharacter(columnType)) {
      return fail(throwOnFailure, name + " needs a VARCHAR column as its first argument, but "
          + column + " is " + columnType, column);
    }
    SqlNode query = call.operand(1);
    if (query instanceof SqlDynamicParam param) {
      if (throwOnFailure) {
        // Calcite infers the type of a ? in some clauses only (not ORDER BY): settle it here.
        binding.getValidator().setValidatedNodeType(param,
            varchar(binding.getTypeFactory(), !(param instanceof LiteralParameter)));
      }
    } else {
      RelDataType queryType = binding.getOperandType(1);
      if (!SqlTypeUtil.isCharacter(queryType)
          && queryType.getSqlTypeName() != SqlTypeName.NULL) {
        return fail(throwOnFailure, "the query of " + name + " must be text, not " + queryType,
            query);
      }
    }
    if (throwOnFailure && call instanceof SqlBasicCall basic) {
      SqlOperator op = call.getOperator();
      SqlFunction function = op instanceof TextOperators.ResolvedTextFunction r ? r.function()
          : (SqlFunction) op;
      basic.setOperator(new TextOperators.ResolvedTextFunction(function,
          resolved.table().getQualifiedName(), resolved.column()));
    }
    return true;
  }

  private static boolean fail(boolean throwOnFailure, String message, SqlNode at) {
    if (throwOnFailure) {
      throw new SqlValidationException(ErrorCode.DATATYPE_MISMATCH, message,
          at.getParserPosition());
    }
    return false;
  }

  private static RelDataType varchar(RelDataTypeFactory typeFactory, boolean nullable) {
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR),
        nullable);
  }

  @Override public void inferOperandTypes(SqlCallBinding binding, RelDataType returnType,
      RelDataType[] operandTypes) {
    RelDataType text = varchar(binding.getTypeFactory(), true);
    for (int i = 0; i < operandTypes.length; i++) {
      operandTypes[i] = text;
    }
  }

  @Override public SqlOperandCountRange getOperandCountRange() {
    return SqlOperandCountRanges.of(2);
  }

  @Override public String getAllowedSignatures(SqlOperator op, String opName) {
    return opName + "(<VARCHAR column>, <VARCHAR>)";
  }
}
