package dev.azimuth.sql.validate;

import dev.azimuth.sql.fun.VectorOperators;
import dev.azimuth.sql.type.SqlVectorTypeNameSpec;
import dev.azimuth.sql.type.VectorSqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorTable;
import org.checkerframework.checker.nullness.qual.PolyNull;

/**
 * Calcite's validator with two rewrites for vectors: {@code CAST(x AS VECTOR(n))} becomes
 * {@code TO_VECTOR(x, n)}, since Calcite's CAST knows no vector type, and values written into
 * vector columns by INSERT ... VALUES are wrapped likewise. Not thread-safe; use one per
 * statement, as with any Calcite validator.
 */
public final class AzimuthValidator extends SqlValidatorImpl {
  public AzimuthValidator(SqlOperatorTable opTab, SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(opTab, catalogReader, typeFactory, config);
  }

  /**
   * Before Calcite checks that the rows of {@code INSERT ... VALUES} agree in type, each value
   * bound for a vector column becomes {@code TO_VECTOR(value, n)}: otherwise a text literal in
   * one row and an ARRAY or NULL in another have no common type.
   */
  @Override public void validateInsert(SqlInsert insert) {
    prepareVectorValues(insert);
    super.validateInsert(insert);
  }

  private void prepareVectorValues(SqlInsert insert) {
    if (insert.getSource().getKind() != SqlKind.VALUES
        || !(insert.getTargetTable() instanceof SqlIdentifier name)) {
      return;
    }
    SqlValidatorTable table = getCatalogReader().getTable(name.names);
    if (table == null) {
      return;
    }
    RelDataType rowType = table.getRowType();
    List<RelDataTypeField> targets = new ArrayList<>();
    SqlNodeList columns = insert.getTargetColumnList();
    if (columns == null) {
      targets.addAll(rowType.getFieldList());
    } else {
      for (SqlNode column : columns) {
        targets.add(rowType.getField(((SqlIdentifier) column).getSimple(), false, false));
      }
    }
    for (SqlNode row : ((SqlCall) insert.getSource()).getOperandList()) {
      SqlCall values = (SqlCall) row;
      for (int i = 0; i < Math.min(values.operandCount(), targets.size()); i++) {
        RelDataTypeField target = targets.get(i);
        SqlNode value = values.operand(i);
        if (target == null || !(target.getType() instanceof VectorSqlType vector)
            || SqlUtil.isNullLiteral(value, false) || value instanceof SqlDynamicParam) {
          continue;
        }
        VectorLiterals.checkDimension(target.getName(), vector, value);
        values.setOperand(i, VectorLiterals.toVector(value, vector));
      }
    }
  }

  @Override protected @PolyNull SqlNode performUnconditionalRewrites(@PolyNull SqlNode node,
      boolean underFrom) {
    SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
    if (rewritten instanceof SqlCall call && call.getKind() == SqlKind.CAST
        && call.operandCount() == 2 && call.operand(1) instanceof SqlDataTypeSpec spec
        && spec.getTypeNameSpec() instanceof SqlVectorTypeNameSpec vector) {
      SqlNode value = call.operand(0);
      if (vector.dimension() == VectorSqlType.ANY_DIMENSION) {
        return VectorOperators.TO_VECTOR.createCall(call.getParserPosition(), value);
      }
      return VectorOperators.TO_VECTOR.createCall(call.getParserPosition(), value,
          SqlLiteral.createExactNumeric(Integer.toString(vector.dimension()),
              spec.getParserPosition()));
    }
    return rewritten;
  }
}
