package dev.azimuth.jdbc.embedded;

import dev.azimuth.jdbc.QueryTimeouts;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A plain statement; engine errors surface as SQLExceptions with their SQLSTATE, and
 * {@link #cancel} or the query timeout stop it (57014).
 */
final class AzimuthStatement extends AvaticaStatement {
  AzimuthStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  private <T> T run(QueryTimeouts.Execution<T> execution) throws SQLException {
    return QueryTimeouts.run(getQueryTimeout(), () -> cancelFlag.set(true), execution,
        SqlErrors::translate);
  }

  /**
   * Stops the running statement: the engine checks this flag as it works. Not synchronized,
   * unlike Avatica's: a plain statement executes holding its own monitor.
   */
  @Override public void cancel() throws SQLException {
    checkOpen();
    cancelFlag.set(true);
  }

  @Override public boolean execute(String sql) throws SQLException {
    return run(() -> super.execute(sql));
  }

  @Override public ResultSet executeQuery(String sql) throws SQLException {
    return run(() -> super.executeQuery(sql));
  }

  @Override public long executeLargeUpdate(String sql) throws SQLException {
    return run(() -> super.executeLargeUpdate(sql));
  }

  @Override public long[] executeLargeBatch() throws SQLException {
    return run(super::executeLargeBatch);
  }

  @Override public int[] executeBatch() throws SQLException {
    return AvaticaUtils.toSaturatedInts(executeLargeBatch());
  }
}
