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

/** {@code CREATE TABLE [IF NOT EXISTS] name (element, ...)}: columns and a primary key. */
public final class SqlCreateTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final SqlNodeList elements;

  public SqlCreateTable(SqlParserPos pos, boolean replace, boolean ifNotExists,
      SqlIdentifier name, SqlNodeList elements) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.elements = requireNonNull(elements, "elements");
  }

  public SqlIdentifier name() {
    return name;
  }

  /** Columns ({@link SqlColumnDeclaration}) and constraints ({@link SqlPrimaryKey}), in order. */
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
