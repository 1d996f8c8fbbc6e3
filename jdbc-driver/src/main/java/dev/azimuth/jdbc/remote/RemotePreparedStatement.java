package dev.azimuth.jdbc.remote;

import dev.azimuth.common.VectorText;
import dev.azimuth.jdbc.QueryTimeouts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.Meta;

/**
 * A statement prepared on a server. A vector parameter binds from {@code float[]},
 * {@code double[]} or a {@code List} of numbers ({@code setObject}) or from its text form
 * ({@code setString}), as in embedded mode; it travels as text. Errors carry the server's
 * SQLSTATE; {@link #cancel} and the query timeout stop the statement on the server.
 */
final class RemotePreparedStatement extends AvaticaPreparedStatement {
  RemotePreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
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

  @Override public boolean execute() throws SQLException {
    return run(super::execute);
  }

  @Override public ResultSet executeQuery() throws SQLException {
    return run(super::executeQuery);
  }

  @Override public long executeLargeUpdate() throws SQLException {
    return run(super::executeLargeUpdate);
  }

  @Override public long[] executeLargeBatch() throws SQLException {
    return run(super::executeLargeBatch);
  }

  @Override public int[] executeBatch() throws SQLException {
    return AvaticaUtils.toSaturatedInts(executeLargeBatch());
  }

  /** Not synchronized, for the reason {@link RemoteStatement#cancel} gives. */
  @Override public void cancel() throws SQLException {
    checkOpen();
    remote().cancel(handle);
    cancelFlag.set(true);
  }

  @Override public void setObject(int parameterIndex, Object x) throws SQLException {
    String vector = vectorText(x);
    if (vector != null) {
      setString(parameterIndex, vector);
    } else {
      super.setObject(parameterIndex, x);
    }
  }

  @Override public void setObject(int parameterIndex, Object x, int targetSqlType)
      throws SQLException {
    String vector = vectorText(x);
    if (vector != null) {
      setString(parameterIndex, vector);
    } else {
      super.setObject(parameterIndex, x, targetSqlType);
    }
  }

  /** The text form of a vector value, or null if {@code x} is not one. */
  private static String vectorText(Object x) {
    if (x instanceof float[] f) {
      return VectorText.format(f);
    }
    if (x instanceof double[] d) {
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        f[i] = (float) d[i];
      }
      return VectorText.format(f);
    }
    if (x instanceof List<?> list && !list.isEmpty()
        && list.stream().allMatch(Number.class::isInstance)) {
      float[] f = new float[list.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = ((Number) list.get(i)).floatValue();
      }
      return VectorText.format(f);
    }
    return null;
  }
}
