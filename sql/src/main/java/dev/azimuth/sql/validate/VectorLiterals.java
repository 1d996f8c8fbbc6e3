package dev.azimuth.sql.validate;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.fun.VectorOperators;
import dev.azimuth.sql.type.VectorSqlType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * What validation can tell about a vector value before it runs: the length of a written
 * literal, and the error for writing one of the wrong length into a column. Stateless.
 */
final class VectorLiterals {
  private VectorLiterals() {}

  /** Components of a {@code '[..]'} or {@code ARRAY[..]} literal, or -1 for anything else. */
  static int dimension(SqlNode value) {
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

  /** Fails if a literal written into {@code column} has the wrong number of components. */
  static void checkDimension(String column, VectorSqlType target, SqlNode value) {
    int actual = dimension(value);
    if (actual >= 0 && target.hasKnownDimension() && actual != target.dimension()) {
      throw wrongDimension(column, target, actual, value.getParserPosition());
    }
  }

  static SqlValidationException wrongDimension(String column, VectorSqlType target, int actual,
      SqlParserPos pos) {
    return new SqlValidationException(ErrorCode.DATA_EXCEPTION,
        "column " + column + " expects " + target.dimension() + " dimensions, not " + actual,
        pos);
  }

  /** {@code TO_VECTOR(value, n)}: the value as a vector of the column's dimension. */
  static SqlNode toVector(SqlNode value, VectorSqlType target) {
    SqlParserPos pos = value.getParserPosition();
    return VectorOperators.TO_VECTOR.createCall(pos, value,
        SqlLiteral.createExactNumeric(Integer.toString(target.dimension()), pos));
  }
}
