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

/**
 * A table-level {@code [CONSTRAINT name] PRIMARY KEY (column, ...)} or
 * {@code [CONSTRAINT name] UNIQUE (column, ...)} in CREATE TABLE.
 */
public final class SqlKeyConstraint extends SqlCall {
  private static final SqlOperator PRIMARY =
      new SqlSpecialOperator("PRIMARY KEY", SqlKind.PRIMARY_KEY);
  private static final SqlOperator UNIQUE = new SqlSpecialOperator("UNIQUE", SqlKind.UNIQUE);

  private final @Nullable SqlIdentifier constraintName;
  private final SqlNodeList columns;
  private final boolean primary;

  /** @param primary PRIMARY KEY (else UNIQUE) */
  public SqlKeyConstraint(SqlParserPos pos, @Nullable SqlIdentifier constraintName,
      SqlNodeList columns, boolean primary) {
    super(pos);
    this.constraintName = constraintName;
    this.columns = requireNonNull(columns, "columns");
    this.primary = primary;
  }

  /** Whether this is the primary key, rather than a UNIQUE constraint. */
  public boolean primary() {
    return primary;
  }

  /** The name given with CONSTRAINT, or null. */
  public @Nullable String constraintName() {
    return constraintName == null ? null : constraintName.getSimple();
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
    return primary ? PRIMARY : UNIQUE;
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
    writer.keyword(primary ? "PRIMARY KEY" : "UNIQUE");
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode c : columns) {
      writer.sep(",");
      c.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
