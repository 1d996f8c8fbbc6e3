package dev.azimuth.sql.tx;

import static java.util.Objects.requireNonNull;

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
 * A transaction-control statement: {@code BEGIN}/{@code START TRANSACTION}, {@code COMMIT},
 * {@code ROLLBACK}, {@code SAVEPOINT}, {@code ROLLBACK TO SAVEPOINT}, {@code RELEASE SAVEPOINT}
 * and {@code SET TRANSACTION}, with the transaction modes as written; the engine decides what
 * it accepts.
 */
public final class SqlTransactionControl extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("TRANSACTION CONTROL", SqlKind.OTHER);

  /** Which statement it is. */
  public enum Action {
    BEGIN, COMMIT, ROLLBACK, SAVEPOINT, ROLLBACK_TO_SAVEPOINT, RELEASE_SAVEPOINT, SET_TRANSACTION
  }

  /** An isolation level as SQL names it. */
  public enum Isolation {
    READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE;

    /** The level as SQL writes it, e.g. {@code REPEATABLE READ}. */
    public String sql() {
      return name().replace('_', ' ');
    }
  }

  private final Action action;
  private final @Nullable SqlIdentifier savepoint;
  private final @Nullable Isolation isolation;
  private final @Nullable Boolean readOnly;

  /**
   * @param savepoint the savepoint named, for the savepoint actions
   * @param isolation an ISOLATION LEVEL given, or null
   * @param readOnly  READ ONLY (true), READ WRITE (false) or neither (null)
   */
  public SqlTransactionControl(SqlParserPos pos, Action action,
      @Nullable SqlIdentifier savepoint, @Nullable Isolation isolation,
      @Nullable Boolean readOnly) {
    super(pos);
    this.action = requireNonNull(action, "action");
    this.savepoint = savepoint;
    this.isolation = isolation;
    this.readOnly = readOnly;
  }

  public Action action() {
    return action;
  }

  /** The savepoint's name as SQL resolved it (unquoted names upper-cased), or null. */
  public @Nullable String savepoint() {
    return savepoint == null ? null : savepoint.getSimple();
  }

  public @Nullable Isolation isolation() {
    return isolation;
  }

  public @Nullable Boolean readOnly() {
    return readOnly;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<@Nullable SqlNode> getOperandList() {
    return savepoint == null ? List.of() : List.of(savepoint);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (action) {
      case BEGIN -> writer.keyword("BEGIN");
      case COMMIT -> writer.keyword("COMMIT");
      case ROLLBACK -> writer.keyword("ROLLBACK");
      case SAVEPOINT -> writer.keyword("SAVEPOINT");
      case ROLLBACK_TO_SAVEPOINT -> writer.keyword("ROLLBACK TO SAVEPOINT");
      case RELEASE_SAVEPOINT -> writer.keyword("RELEASE SAVEPOINT");
      case SET_TRANSACTION -> writer.keyword("SET TRANSACTION");
    }
    if (savepoint != null) {
      savepoint.unparse(writer, leftPrec, rightPrec);
    }
    if (isolation != null) {
      writer.keyword("ISOLATION LEVEL " + isolation.sql());
    }
    if (readOnly != null) {
      writer.keyword(readOnly ? "READ ONLY" : "READ WRITE");
    }
  }
}
