package dev.azimuth.jdbc.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import dev.azimuth.jdbc.QueryTimeouts;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A prepared statement: planned once, executed with new parameters each time. A vector
 * parameter takes a {@code float[]} ({@code setObject}) or its text form ({@code setString}).
 * Engine errors surface as SQLExceptions with their SQLSTATE; {@link #cancel} or the query
 * timeout stop a run (57014).
 */
final class AzimuthPreparedStatement extends AvaticaPreparedStatement {
  AzimuthPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
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

  @Override public void setNString(int parameterIndex, String value) throws SQLException {
    setString(parameterIndex, value);
  }

  @Override public void setCharacterStream(int parameterIndex, Reader reader)
      throws SQLException {
    setString(parameterIndex, read(reader));
  }

  @Override public void setCharacterStream(int parameterIndex, Reader reader, long length)
      throws SQLException {
    setString(parameterIndex, read(reader));
  }

  @Override public void setNCharacterStream(int parameterIndex, Reader value)
      throws SQLException {
    setString(parameterIndex, read(value));
  }

  @Override public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    setString(parameterIndex, read(value));
  }

  private static String read(Reader reader) throws SQLException {
    if (reader == null) {
      return null;
    }
    try {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[8192];
      for (int n; (n = reader.read(buf)) > 0; ) {
        b.append(buf, 0, n);
      }
      return b.toString();
    } catch (IOException e) {
      throw new SQLException("could not read the parameter's character stream", "22000", e);
    }
  }

  // Azimuth has no large objects, row ids or XML; say so rather than ignore the value.
  private static SQLException unsupported(String what) {
    return new SQLFeatureNotSupportedException(what + " parameters are not supported", "0A000");
  }

  @Override public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw unsupported("ROWID");
  }

  @Override public void setNClob(int parameterIndex, NClob value) throws SQLException {
    throw unsupported("NCLOB");
  }

  @Override public void setClob(int parameterIndex, Reader reader, long length)
      throws SQLException {
    throw unsupported("CLOB");
  }

  @Override public void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    throw unsupported("BLOB");
  }

  @Override public void setNClob(int parameterIndex, Reader reader, long length)
      throws SQLException {
    throw unsupported("NCLOB");
  }

  @Override public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    throw unsupported("SQLXML");
  }

  @Override public void setAsciiStream(int parameterIndex, InputStream x, long length)
      throws SQLException {
    throw unsupported("stream");
  }

  @Override public void setBinaryStream(int parameterIndex, InputStream x, long length)
      throws SQLException {
    throw unsupported("stream");
  }

  @Override public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    throw unsupported("stream");
  }

  @Override public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    throw unsupported("stream");
  }

  @Override public void setClob(int parameterIndex, Reader reader) throws SQLException {
    throw unsupported("CLOB");
  }

  @Override public void setBlob(int parameterIndex, InputStream inputStream)
      throws SQLException {
    throw unsupported("BLOB");
  }

  @Override public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    throw unsupported("NCLOB");
  }
}
