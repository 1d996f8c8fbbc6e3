package dev.azimuth.sql.validate;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.type.VectorSqlType;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
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
    boolean vectors = false;
    for (int i = 0; i < sources.size(); i++) {
      RelDataType source = sources.get(i).getType();
      RelDataType target = targets.get(i).getType();
      if (target instanceof VectorSqlType vector) {
        vectors = true;
        if (!SqlTypeUtil.equalSansNullability(validator.getTypeFactory(), source, target)) {
          checkVectorSource(query, i, sources.size(), targets.get(i).getName(), vector, source);
        }
        continue;
      }
      if (SqlTypeUtil.equalSansNullability(validator.getTypeFactory(), source, target)
          || SqlTypeUtil.isCharacter(source) && SqlTypeUtil.isCharacter(target)) {
        continue;
      }
      if (!SqlTypeUtil.canCastFrom(target, source, rule)) {
        return false;
      }
    }
    boolean coerced = false;
    for (int i = 0; i < sources.size(); i++) {
      RelDataType source = sources.get(i).getType();
      RelDataType target = targets.get(i).getType();
      // Storage checks lengths and precision and names the column when a value does not fit;
      // a CAST here would cut a long string silently, or fail without saying where.
      if ((SqlTypeUtil.isCharacter(source) && SqlTypeUtil.isCharacter(target))
          || (SqlTypeUtil.isDecimal(source) && SqlTypeUtil.isDecimal(target))) {
        continue;
      }
      if (!SqlTypeUtil.equalSansNullability(validator.getTypeFactory(), source, target)) {
        coerced = rowTypeCoercion(scope, sourceQuery(query), i, target) || coerced;
      }
    }
    // Calcite's fallback compares type families, and a vector has none it recognises: a vector
    // target checked above must not reach it ("cannot take a value of type VECTOR(2)").
    return coerced || vectors;
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
        throw VectorLiterals.wrongDimension(column, target, v.dimension(), SqlParserPos.ZERO);
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
        VectorLiterals.checkDimension(column, target, ((SqlCall) row).operand(index));
      }
    } else if (query instanceof SqlUpdate update) {
      // The source row is the table's columns followed by the SET expressions.
      int first = count - update.getSourceExpressionList().size();
      if (index >= first) {
        VectorLiterals.checkDimension(column, target,
            update.getSourceExpressionList().get(index - first));
      }
    }
  }

  @Override protected boolean coerceOperandType(@Nullable SqlValidatorScope scope, SqlCall call,
      int index, RelDataType targetType) {
    if (targetType instanceof VectorSqlType vector) {
      SqlNode operand = call.operand(index);
      SqlNode wrapped = VectorLiterals.toVector(operand, vector);
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
      SqlNode wrapped = VectorLiterals.toVector(expr, vector);
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
}
