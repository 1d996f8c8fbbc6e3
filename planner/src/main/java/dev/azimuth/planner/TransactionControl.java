package dev.azimuth.planner;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.tx.SqlTransactionControl;
import dev.azimuth.sql.tx.SqlTransactionControl.Isolation;

/**
 * Runs BEGIN, COMMIT, ROLLBACK, SAVEPOINT, ROLLBACK TO, RELEASE and SET TRANSACTION on a
 * session, with PostgreSQL's rules and SQLSTATEs. Stateless.
 */
final class TransactionControl {
  private TransactionControl() {}

  static void run(Session session, SqlTransactionControl statement) {
    String savepoint = statement.savepoint();
    switch (statement.action()) {
      case BEGIN -> {
        SessionTransaction open = session.transaction();
        if (open != null && (open.block() || open.used())) {
          throw new PlanningException(ErrorCode.ACTIVE_SQL_TRANSACTION,
              "there is already a transaction in progress");
        }
        checkIsolation(statement.isolation());
        if (open != null) {
          // Opened by auto-commit being off, with nothing run in it yet: BEGIN takes its place.
          session.rollback();
        }
        SessionTransaction t = session.beginBlock();
        t.readOnly(Boolean.TRUE.equals(statement.readOnly()));
      }
      case COMMIT -> session.commit();
      case ROLLBACK -> {
        if (!session.inTransaction() && session.autoCommit()) {
          throw new PlanningException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, "there is no "
              + "transaction in progress: with auto-commit on, every statement outside "
              + "BEGIN ... COMMIT was committed when it completed");
        }
        session.rollback();
      }
      case SAVEPOINT -> inBlock(session, "SAVEPOINT", session.transactionForControl())
          .savepoint(savepoint);
      case ROLLBACK_TO_SAVEPOINT -> inBlock(session, "ROLLBACK TO SAVEPOINT",
          session.transaction()).rollbackTo(savepoint);
      case RELEASE_SAVEPOINT -> inBlock(session, "RELEASE SAVEPOINT", session.transaction())
          .release(savepoint);
      case SET_TRANSACTION -> {
        SessionTransaction t = inBlock(session, "SET TRANSACTION",
            session.transactionForControl());
        if (t.used()) {
          throw new PlanningException(ErrorCode.ACTIVE_SQL_TRANSACTION,
              "SET TRANSACTION must be run before any query of the transaction");
        }
        checkIsolation(statement.isolation());
        if (statement.readOnly() != null) {
          t.readOnly(statement.readOnly());
        }
      }
    }
  }

  private static SessionTransaction inBlock(Session session, String what,
      SessionTransaction t) {
    if (t == null) {
      throw new PlanningException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION,
          what + " can only be used in transaction blocks");
    }
    return t;
  }

  /**
   * Every transaction runs with snapshot isolation, PostgreSQL's REPEATABLE READ. The standard
   * lets a weaker level asked for run as a stronger one; SERIALIZABLE would be weaker than asked.
   */
  static void checkIsolation(Isolation isolation) {
    if (isolation == Isolation.SERIALIZABLE) {
      throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED, "isolation level "
          + "SERIALIZABLE is not supported: transactions run with snapshot isolation "
          + "(REPEATABLE READ), which READ COMMITTED and READ UNCOMMITTED also get");
    }
  }
}
