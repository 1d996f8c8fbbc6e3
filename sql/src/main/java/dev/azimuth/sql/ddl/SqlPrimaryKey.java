package dev.azimuth.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A table-level {@code [CONSTRAINT name] PRIMARY KEY (column, ...)} in CREATE TABLE. */
public final class SqlPrimaryKey extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("PRIMARY KEY", SqlKind.PRIMARY_KEY);

  private final @Nullable SqlIdentifier constraintName;
  private final SqlNodeList columns;

  public SqlPrimaryKey(SqlParserPos pos, @Nullable SqlIdentifier constraintName,
      SqlNodeList columns) {
    super(pos);
    this.constraintName = constraintName;
    this.columns = requireNonNull(columns, "columns");
  }

  /** The key's columns, as written. */
  public List<SqlIdentifier> columns() {
    List<SqlIdentifier> ids = new ArrayList<>();
    for (SqlNode n : columns) {
      ids.add((SqlIdentifier) n);
    }
    return ids;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    if (constraintName != null) {
      operands.add(constraintName);
    }
    operands.add(columns);
    return operands;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (constraintName != null) {
      writer.keyword("CONSTRAINT");
      constraintName.unparse(writer, 0, 0);
    }
    writer.keyword("PRIMARY KEY");
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode c : columns) {
      writer.sep(",");
      c.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
