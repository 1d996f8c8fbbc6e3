package dev.azimuth.sql.ddl;

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

/**
 * {@code COPY table [(column, ...)] TO 'path'} or {@code COPY (query) TO 'path'}, with
 * {@code WITH (...)}: write rows to a server-side file. The query is kept as its text, to be
 * prepared like any query.
 */
public final class SqlCopyTo extends SqlCopy {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("COPY TO", SqlKind.OTHER);

  private final @Nullable SqlNode query;
  private final @Nullable SqlParserPos queryStart;
  private final @Nullable SqlParserPos queryEnd;

  /**
   * @param queryStart where the parenthesis before the query is
   * @param queryEnd   where the parenthesis after the query is
   */
  public SqlCopyTo(SqlParserPos pos, @Nullable SqlIdentifier table,
      @Nullable SqlNodeList columns, @Nullable SqlNode query, @Nullable SqlParserPos queryStart,
      @Nullable SqlParserPos queryEnd, SqlNode path, SqlNodeList options) {
    super(pos, table, columns, path, options);
    if ((table == null) == (query == null)) {
      throw new IllegalArgumentException("COPY TO needs a table or a query, not both");
    }
    this.query = query;
    this.queryStart = queryStart;
    this.queryEnd = queryEnd;
  }

  /** The query, or null when a table is named. */
  public @Nullable SqlNode query() {
    return query;
  }

  /**
   * The query's text as written between its parentheses, cut from the statement's text (the
   * text the parser read: the parser counts a tab as one column).
   */
  public String queryText(String statement) {
    if (queryStart == null || queryEnd == null) {
      throw new IllegalStateException("COPY names a table, not a query");
    }
    int from = offset(statement, queryStart.getLineNum(), queryStart.getColumnNum());
    int to = offset(statement, queryEnd.getLineNum(), queryEnd.getColumnNum()) - 1;
    return statement.substring(from, to);
  }

  /** The offset of the character after the one at a 1-based line and column. */
  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      int newline = text.indexOf('\n', at);
      if (newline < 0) {
        throw new IllegalArgumentException("no line " + line + " in the statement");
      }
      at = newline + 1;
    }
    return at + column;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> operands = tailOperands();
    operands.add(query);
    return operands;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COPY");
    if (query != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      query.unparse(writer, 0, 0);
      writer.endList(frame);
    } else {
      unparseTable(writer);
    }
    unparseTail(writer, "TO");
  }
}
