package dev.azimuth.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One column in CREATE TABLE or ALTER TABLE ADD COLUMN:
 * {@code name type [NOT NULL] [DEFAULT expression] [PRIMARY KEY]}.
 */
public final class SqlColumnDeclaration extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

  private final SqlIdentifier name;
  private final SqlDataTypeSpec dataType;
  private final boolean notNull;
  private final boolean primaryKey;
  private final SqlNode defaultValue;
  private final boolean unique;

  /**
   * @param unique       whether UNIQUE was written
   * @param defaultValue the DEFAULT expression, or null
   */
  public SqlColumnDeclaration(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec dataType,
      boolean notNull, boolean primaryKey, boolean unique, SqlNode defaultValue) {
    super(pos);
    this.unique = unique;
    this.name = requireNonNull(name, "name");
    this.dataType = requireNonNull(dataType, "dataType");
    this.notNull = notNull;
    this.primaryKey = primaryKey;
    this.defaultValue = defaultValue;
  }

  /** Whether the column was declared UNIQUE. */
  public boolean unique() {
    return unique;
  }

  /** The DEFAULT expression as written, or null. */
  public SqlNode defaultValue() {
    return defaultValue;
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlDataTypeSpec dataType() {
    return dataType;
  }

  /** Whether NOT NULL was written; a primary key column is NOT NULL regardless. */
  public boolean notNull() {
    return notNull;
  }

  public boolean primaryKey() {
    return primaryKey;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, dataType, SqlLiteral.createBoolean(notNull, SqlParserPos.ZERO),
        SqlLiteral.createBoolean(primaryKey, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    dataType.unparse(writer, 0, 0);
    if (notNull) {
      writer.keyword("NOT NULL");
    }
    if (defaultValue != null) {
      writer.keyword("DEFAULT");
      defaultValue.unparse(writer, 0, 0);
    }
    if (primaryKey) {
      writer.keyword("PRIMARY KEY");
    }
  }
}
