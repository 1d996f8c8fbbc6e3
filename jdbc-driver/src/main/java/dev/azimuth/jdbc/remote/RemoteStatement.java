package dev.azimuth.jdbc.remote;

import dev.azimuth.jdbc.QueryTimeouts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.Meta;

/**
 * A plain statement on a server: errors carry the server's SQLSTATE, {@link #cancel} reaches
 * the server, and the query timeout cancels there too.
 */
final class RemoteStatement extends AvaticaStatement {
  RemoteStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  private RemoteConnection remote() {
    return (RemoteConnection) connection;
  }

  private <T> T run(QueryTimeouts.Execution<T> execution) throws SQLException {
    cancelFlag.set(false);
    try {
      return QueryTimeouts.run(getQueryTimeout(), this::cancel, execution,
          e -> RemoteErrors.translate(e, remote().server()));
    } catch (SQLTransientConnectionException e) {
      // The client stopped waiting (http_response_timeout); the server need not go on.
      remote().cancelQuietly(handle);
      throw e;
    }
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

  /**
   * Stops the statement on the server. Not synchronized, unlike Avatica's: the executing
   * thread holds this statement's monitor while it waits for the server's answer.
   */
  @Override public void cancel() throws SQLException {
    checkOpen();
    remote().cancel(handle);
    cancelFlag.set(true);
  }
}
