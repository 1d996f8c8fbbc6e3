package dev.azimuth.sql.validate;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.fun.VectorOperators;
import dev.azimuth.sql.type.VectorSqlType;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's implicit coercion, taught about vectors: a text literal, a numeric ARRAY or a vector
 * of unknown length written into a VECTOR(n) column is wrapped in {@code TO_VECTOR(x, n)} rather
 * than a CAST (which Calcite cannot generate code for). A literal of the wrong length fails here,
 * naming the column.
 */
public final class AzimuthTypeCoercion extends TypeCoercionImpl {
  public AzimuthTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override public boolean querySourceCoercion(@Nullable SqlValidatorScope scope,
      RelDataType sourceRowType, RelDataType targetRowType, SqlNode query) {
    List<RelDataTypeField> sources = sourceRowType.getFieldList();
    List<RelDataTypeField> targets = targetRowType.getFieldList();
    SqlTypeMappingRule rule = validator.getTypeMappingRule();
    for (int i = 0; i < sources.size(); i++) {
      RelDataType source = sources.get(i).getType();
      RelDataType target = targets.get(i).getType();
      if (SqlTypeUtil.equalSansNullability(validator.getTypeFactory(), source, target)) {
        continue;
      }
      if (target instanceof VectorSqlType vector) {
        checkVectorSource(query, i, sources.size(), targets.get(i).getName(), vector, source);
      } else if (!SqlTypeUtil.canCastFrom(target, source, rule)) {
        return false;
      }
    }
    boolean coerced = false;
    for (int i = 0; i < sources.size(); i++) {
      RelDataType source = sources.get(i).getType();
      RelDataType target = targets.get(i).getType();
      // A CAST to VARCHAR(n) would silently cut longer strings; storage rejects them instead.
      if (SqlTypeUtil.isCharacter(source) && SqlTypeUtil.isCharacter(target)) {
        continue;
      }
      if (!SqlTypeUtil.equalSansNullability(validator.getTypeFactory(), source, target)) {
        coerced = rowTypeCoercion(scope, sourceQuery(query), i, target) || coerced;
      }
    }
    return coerced;
  }

  private static SqlNode sourceQuery(SqlNode query) {
    if (query instanceof SqlInsert insert) {
      return insert.getSource();
    }
    if (query instanceof SqlUpdate update && update.getSourceSelect() != null) {
      return update.getSourceSelect();
    }
    return query;
  }

  private void checkVectorSource(SqlNode query, int index, int count, String column,
      VectorSqlType target, RelDataType source) {
    if (source instanceof VectorSqlType v) {
      if (v.hasKnownDimension() && target.hasKnownDimension()
          && v.dimension() != target.dimension()) {
        throw wrongDimension(column, target, v.dimension(), SqlParserPos.ZERO);
      }
      return;
    }
    boolean convertible = SqlTypeUtil.isCharacter(source)
        || source.getSqlTypeName() == SqlTypeName.NULL
        || (source.getSqlTypeName() == SqlTypeName.ARRAY && source.getComponentType() != null
            && SqlTypeUtil.isNumeric(source.getComponentType()));
    if (!convertible) {
      throw new SqlValidationException(ErrorCode.DATATYPE_MISMATCH,
          "column " + column + " is " + target + " and cannot take a value of type " + source,
          SqlParserPos.ZERO);
    }
    SqlNode values = sourceQuery(query);
    if (values.getKind() == SqlKind.VALUES) {
      for (SqlNode row : ((SqlCall) values).getOperandList()) {
        SqlNode value = ((SqlCall) row).operand(index);
        int dims = literalDimension(value);
        if (dims >= 0 && target.hasKnownDimension() && dims != target.dimension()) {
          throw wrongDimension(column, target, dims, value.getParserPosition());
        }
      }
    }
  }

  private static int literalDimension(SqlNode value) {
    if (value instanceof SqlCharStringLiteral literal) {
      String text = literal.getValueAs(String.class).strip();
      if (text.length() >= 2 && text.startsWith("[") && text.endsWith("]")) {
        String body = text.substring(1, text.length() - 1).strip();
        return body.isEmpty() ? 0 : body.split(",", -1).length;
      }
      return -1;
    }
    if (value.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
      return ((SqlCall) value).operandCount();
    }
    return -1;
  }

  private static SqlValidationException wrongDimension(String column, VectorSqlType target,
      int actual, SqlParserPos pos) {
    return new SqlValidationException(ErrorCode.DATA_EXCEPTION,
        "column " + column + " expects " + target.dimension() + " dimensions, not " + actual,
        pos);
  }

  @Override protected boolean coerceOperandType(@Nullable SqlValidatorScope scope, SqlCall call,
      int index, RelDataType targetType) {
    if (targetType instanceof VectorSqlType vector) {
      SqlNode operand = call.operand(index);
      SqlNode wrapped = toVector(operand, vector);
      call.setOperand(index, wrapped);
      updateInferredType(wrapped, validator.deriveType(scope, wrapped));
      return true;
    }
    return super.coerceOperandType(scope, call, index, targetType);
  }

  @Override protected boolean coerceColumnType(@Nullable SqlValidatorScope scope,
      SqlNodeList nodeList, int index, RelDataType targetType) {
    if (targetType instanceof VectorSqlType vector && index < nodeList.size()) {
      SqlNode node = nodeList.get(index);
      SqlNode expr = node.getKind() == SqlKind.AS ? ((SqlCall) node).operand(0) : node;
      SqlNode wrapped = toVector(expr, vector);
      if (node.getKind() == SqlKind.AS) {
        ((SqlCall) node).setOperand(0, wrapped);
      } else {
        nodeList.set(index, wrapped);
      }
      updateInferredType(wrapped, validator.deriveType(scope, wrapped));
      return true;
    }
    return super.coerceColumnType(scope, nodeList, index, targetType);
  }

  private static SqlNode toVector(SqlNode operand, VectorSqlType target) {
    SqlParserPos pos = operand.getParserPosition();
    return VectorOperators.TO_VECTOR.createCall(pos, operand,
        SqlLiteral.createExactNumeric(Integer.toString(target.dimension()), pos));
  }
}
