package dev.azimuth.sql;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A statement that parses but is not valid: a bad type, a bad literal, a dimension mismatch.
 * The message ends with the position in the statement text when one is known.
 */
public class SqlValidationException extends AzimuthException {
  private static final long serialVersionUID = 1L;

  public SqlValidationException(ErrorCode code, String message, SqlParserPos pos) {
    super(code, withPosition(message, pos));
  }

  private static String withPosition(String message, SqlParserPos pos) {
    if (pos == null || pos.equals(SqlParserPos.ZERO) || pos.getLineNum() <= 0) {
      return message;
    }
    return message + " (at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
  }
}
