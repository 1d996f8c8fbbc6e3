package dev.azimuth.jdbc.embedded;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/** A plain statement; engine errors surface as SQLExceptions with their SQLSTATE. */
final class AzimuthStatement extends AvaticaStatement {
  AzimuthStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /**
   * Asks the running execution to stop, from any thread. Avatica's own {@code cancel()} takes the
   * statement's lock, which the execution holds until it finishes, so it could not interrupt
   * anything; the flag is the one the engine polls (see {@code AzimuthMeta}).
   */
  @Override public void cancel() throws SQLException {
    checkOpen();
    cancelFlag.set(true);
  }

  @Override public boolean execute(String sql) throws SQLException {
    try {
      return super.execute(sql);
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override public ResultSet executeQuery(String sql) throws SQLException {
    try {
      return super.executeQuery(sql);
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override public long executeLargeUpdate(String sql) throws SQLException {
    try {
      return super.executeLargeUpdate(sql);
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override public long[] executeLargeBatch() throws SQLException {
    try {
      return super.executeLargeBatch();
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override public int[] executeBatch() throws SQLException {
    return AvaticaUtils.toSaturatedInts(executeLargeBatch());
  }
}
