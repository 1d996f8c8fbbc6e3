package dev.azimuth.sql.ddl;

import static java.util.Objects.requireNonNull;

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

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (element, ...)}: columns and keys; or
 * {@code CREATE TABLE [IF NOT EXISTS] name AS query}.
 */
public final class SqlCreateTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final SqlNodeList elements;
  private final SqlNode query;
  private final SqlParserPos as;

  /**
   * @param query the query of CREATE TABLE ... AS, or null
   * @param as    where its AS is, or null
   */
  public SqlCreateTable(SqlParserPos pos, boolean replace, boolean ifNotExists,
      SqlIdentifier name, SqlNodeList elements, SqlNode query, SqlParserPos as) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.elements = requireNonNull(elements, "elements");
    this.query = query;
    this.as = as;
  }

  /** The query of CREATE TABLE ... AS, or null. */
  public SqlNode query() {
    return query;
  }

  /** The text of the query after AS, cut from the statement (as the parser read it). */
  public String queryText(String statement) {
    return StatementText.after(statement, as);
  }

  public SqlIdentifier name() {
    return name;
  }

  /** Columns ({@link SqlColumnDeclaration}) and constraints ({@link SqlKeyConstraint}), in order. */
  public SqlNodeList elements() {
    return elements;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, elements);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode e : elements) {
      writer.sep(",");
      e.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
