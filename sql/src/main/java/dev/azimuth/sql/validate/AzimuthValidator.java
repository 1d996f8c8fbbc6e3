package dev.azimuth.sql.validate;

import dev.azimuth.sql.fun.VectorOperators;
import dev.azimuth.sql.type.SqlVectorTypeNameSpec;
import dev.azimuth.sql.type.VectorSqlType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.checkerframework.checker.nullness.qual.PolyNull;

/**
 * Calcite's validator with one rewrite: {@code CAST(x AS VECTOR(n))} becomes
 * {@code TO_VECTOR(x, n)}, since Calcite's CAST knows no vector type. Not thread-safe; use one
 * per statement, as with any Calcite validator.
 */
public final class AzimuthValidator extends SqlValidatorImpl {
  public AzimuthValidator(SqlOperatorTable opTab, SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(opTab, catalogReader, typeFactory, config);
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
