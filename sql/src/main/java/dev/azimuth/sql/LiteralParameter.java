package dev.azimuth.sql;

import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A {@code ?} standing for a literal taken out of a statement's text, so that statements that
 * differ only in such values share one plan. Unlike a client's {@code ?} it is never NULL, so
 * the vector functions type it NOT NULL, as they would the literal it replaces.
 */
public final class LiteralParameter extends SqlDynamicParam {
  public LiteralParameter(int index, SqlParserPos pos) {
    super(index, pos);
  }

  @Override public SqlNode clone(SqlParserPos pos) {
    return new LiteralParameter(getIndex(), pos);
  }
}
