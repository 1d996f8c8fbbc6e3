package dev.azimuth.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ALTER TABLE [IF EXISTS] name action}, with PostgreSQL's actions: ADD [COLUMN]
 * [IF NOT EXISTS] declaration, DROP [COLUMN] [IF EXISTS] column, RENAME [COLUMN] a TO b,
 * RENAME TO name, ALTER [COLUMN] column SET NOT NULL | DROP NOT NULL | SET DEFAULT e |
 * DROP DEFAULT.
 */
public final class SqlAlterTable extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  /** What the statement changes. */
  public enum Action {
    ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, RENAME_TABLE, SET_NOT_NULL, DROP_NOT_NULL,
    SET_DEFAULT, DROP_DEFAULT
  }

  private final boolean ifExists;
  private final SqlIdentifier table;
  private final Action action;
  private final boolean ifColumn;
  private final @Nullable SqlColumnDeclaration column;
  private final @Nullable SqlIdentifier name;
  private final @Nullable SqlIdentifier newName;
  private final @Nullable SqlNode value;

  /**
   * @param ifColumn IF NOT EXISTS of ADD COLUMN, IF EXISTS of DROP COLUMN
   * @param column   the declaration ADD COLUMN adds
   * @param name     the column acted on
   * @param newName  the new name of RENAME
   * @param value    the expression of SET DEFAULT
   */
  public SqlAlterTable(SqlParserPos pos, boolean ifExists, SqlIdentifier table, Action action,
      boolean ifColumn, @Nullable SqlColumnDeclaration column, @Nullable SqlIdentifier name,
      @Nullable SqlIdentifier newName, @Nullable SqlNode value) {
    super(pos);
    this.ifExists = ifExists;
    this.table = requireNonNull(table, "table");
    this.action = requireNonNull(action, "action");
    this.ifColumn = ifColumn;
    this.column = column;
    this.name = name;
    this.newName = newName;
    this.value = value;
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier table() {
    return table;
  }

  public Action action() {
    return action;
  }

  public boolean ifColumn() {
    return ifColumn;
  }

  public @Nullable SqlColumnDeclaration column() {
    return column;
  }

  public @Nullable SqlIdentifier name() {
    return name;
  }

  public @Nullable SqlIdentifier newName() {
    return newName;
  }

  public @Nullable SqlNode value() {
    return value;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<@Nullable SqlNode> getOperandList() {
    List<@Nullable SqlNode> operands = new ArrayList<>();
    operands.add(table);
    operands.add(column);
    operands.add(name);
    operands.add(newName);
    operands.add(value);
    return operands;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    table.unparse(writer, 0, 0);
    writer.keyword(action.name().replace('_', ' '));
    for (SqlNode n : getOperandList().subList(1, 5)) {
      if (n != null) {
        n.unparse(writer, 0, 0);
      }
    }
  }
}
