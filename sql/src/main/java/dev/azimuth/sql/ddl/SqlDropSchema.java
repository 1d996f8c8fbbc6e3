package dev.azimuth.sql.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP SCHEMA [IF EXISTS] name [CASCADE | RESTRICT]}. */
public final class SqlDropSchema extends SqlDropObject {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP SCHEMA", SqlKind.DROP_SCHEMA);

  private final boolean cascade;

  public SqlDropSchema(SqlParserPos pos, boolean ifExists, SqlIdentifier name, boolean cascade) {
    super(OPERATOR, pos, ifExists, name);
    this.cascade = cascade;
  }

  /** Whether CASCADE was written: the schema's tables and views go too. */
  public boolean cascade() {
    return cascade;
  }
}
