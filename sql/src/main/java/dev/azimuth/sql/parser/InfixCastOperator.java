package dev.azimuth.sql.parser;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's {@code expr::type} as the parser reads it: a binary operator binding tighter than
 * any other (as in PostgreSQL), whose call is the standard {@code CAST(expr AS type)}. So no
 * later stage (validation, the vector casts, views re-parsed from their text) ever meets a cast
 * of another form.
 */
public final class InfixCastOperator extends SqlBinaryOperator {
  public static final InfixCastOperator INSTANCE = new InfixCastOperator();

  private InfixCastOperator() {
    super("::", SqlKind.CAST, 94, true, null, null, null);
  }

  @Override public SqlCall createCall(SqlLiteral functionQualifier, SqlParserPos pos,
      SqlNode... operands) {
    return SqlStdOperatorTable.CAST.createCall(pos, operands);
  }
}
