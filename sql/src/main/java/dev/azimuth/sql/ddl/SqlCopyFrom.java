package dev.azimuth.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code COPY table [(column, ...)] FROM 'path' [WITH (...)]}: load a server-side file. */
public final class SqlCopyFrom extends SqlCopy {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("COPY FROM", SqlKind.OTHER);

  public SqlCopyFrom(SqlParserPos pos, SqlIdentifier table, @Nullable SqlNodeList columns,
      SqlNode path, SqlNodeList options) {
    super(pos, requireNonNull(table, "table"), columns, path, options);
  }

  @Override public SqlIdentifier table() {
    return requireNonNull(super.table());
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return tailOperands();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COPY");
    unparseTable(writer);
    unparseTail(writer, "FROM");
  }
}
