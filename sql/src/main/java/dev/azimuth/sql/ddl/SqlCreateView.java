package dev.azimuth.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code CREATE [OR REPLACE] VIEW name [(column, ...)] AS query}. */
public final class SqlCreateView extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final @Nullable SqlNodeList columns;
  private final SqlNode query;
  private final SqlParserPos as;

  /** @param as where the keyword AS before the query is */
  public SqlCreateView(SqlParserPos pos, boolean replace, SqlIdentifier name,
      @Nullable SqlNodeList columns, SqlNode query, SqlParserPos as) {
    super(OPERATOR, pos, replace, false);
    this.name = requireNonNull(name, "name");
    this.columns = columns;
    this.query = requireNonNull(query, "query");
    this.as = requireNonNull(as, "as");
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The column names given, or null. */
  public @Nullable SqlNodeList columns() {
    return columns;
  }

  public SqlNode query() {
    return query;
  }

  /**
   * The query's text as written after AS, cut from the statement's text (the text the parser
   * read), without a trailing semicolon.
   */
  public String queryText(String statement) {
    return StatementText.after(statement, as);
  }

  @Override public List<@Nullable SqlNode> getOperandList() {
    List<@Nullable SqlNode> operands = new ArrayList<>();
    operands.add(name);
    operands.add(columns);
    operands.add(query);
    return operands;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
    name.unparse(writer, leftPrec, rightPrec);
    if (columns != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode c : columns) {
        writer.sep(",");
        c.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    writer.keyword("AS");
    query.unparse(writer, 0, 0);
  }
}
