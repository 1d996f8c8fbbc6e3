package dev.azimuth.sql.type;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/** The written type {@code VECTOR(n)} (or bare {@code VECTOR}) in DDL and CAST. */
public final class SqlVectorTypeNameSpec extends SqlTypeNameSpec {
  private final int dimension;

  public SqlVectorTypeNameSpec(int dimension, SqlParserPos pos) {
    super(new SqlIdentifier("VECTOR", pos), pos);
    this.dimension = dimension;
  }

  /** The dimension written, or {@link VectorSqlType#ANY_DIMENSION} for a bare VECTOR. */
  public int dimension() {
    return dimension;
  }

  @Override public RelDataType deriveType(SqlValidator validator) {
    if (dimension == 0 || dimension > VectorSqlType.MAX_DIMENSION) {
      throw new SqlValidationException(ErrorCode.INVALID_PARAMETER_VALUE,
          "VECTOR dimension must be between 1 and " + VectorSqlType.MAX_DIMENSION + ", not "
              + dimension, getParserPos());
    }
    return ((AzimuthTypeFactory) validator.getTypeFactory()).createVectorType(dimension);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("VECTOR");
    if (dimension != VectorSqlType.ANY_DIMENSION) {
      SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
      writer.print(Integer.toString(dimension));
      writer.endList(frame);
    }
  }

  @Override public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof SqlVectorTypeNameSpec that) || that.dimension != dimension) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }
}
