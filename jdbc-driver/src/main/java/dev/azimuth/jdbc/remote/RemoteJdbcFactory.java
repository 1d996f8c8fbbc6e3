package dev.azimuth.jdbc.remote;

import dev.azimuth.jdbc.AzimuthDatabaseMetaData;
import dev.azimuth.jdbc.VectorAccessor;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/** Makes the remote driver's JDBC objects for Avatica. Stateless. */
final class RemoteJdbcFactory implements AvaticaFactory {
  @Override public int getJdbcMajorVersion() {
    return 4;
  }

  @Override public int getJdbcMinorVersion() {
    return 1;
  }

  @Override public AvaticaConnection newConnection(UnregisteredDriver driver,
      AvaticaFactory factory, String url, Properties info) {
    return new RemoteConnection(driver, factory, url, info);
  }

  @Override public AvaticaStatement newStatement(AvaticaConnection connection,
      Meta.StatementHandle h, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) {
    return new RemoteStatement(connection, h, resultSetType, resultSetConcurrency,
        resultSetHoldability);
  }

  @Override public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection,
      Meta.StatementHandle h, Meta.Signature signature, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return new RemotePreparedStatement(connection, h, signature, resultSetType,
        resultSetConcurrency, resultSetHoldability);
  }

  @Override public AvaticaResultSet newResultSet(AvaticaStatement statement, QueryState state,
      Meta.Signature signature, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    return new RemoteResultSet(statement, state, signature,
        newResultSetMetaData(statement, signature), timeZone, firstFrame);
  }

  @Override public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(
      AvaticaConnection connection) {
    return new AzimuthDatabaseMetaData(connection, ((RemoteConnection) connection)::meta);
  }

  /** Vector columns arrive as text but read as {@code float[]}: their class says so. */
  @Override public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement,
      Meta.Signature signature) {
    if (signature == null || signature.columns.stream().noneMatch(VectorAccessor::isVector)) {
      return new AvaticaResultSetMetaData(statement, null, signature);
    }
    List<ColumnMetaData> columns = new ArrayList<>();
    for (ColumnMetaData c : signature.columns) {
      columns.add(VectorAccessor.isVector(c) ? withClass(c, float[].class.getName()) : c);
    }
    Meta.Signature vectors = new Meta.Signature(columns, signature.sql, signature.parameters,
        signature.internalParameters, signature.cursorFactory, signature.statementType);
    return new AvaticaResultSetMetaData(statement, null, vectors);
  }

  private static ColumnMetaData withClass(ColumnMetaData c, String className) {
    return new ColumnMetaData(c.ordinal, c.autoIncrement, c.caseSensitive, c.searchable,
        c.currency, c.nullable, c.signed, c.displaySize, c.label, c.columnName, c.schemaName,
        c.precision, c.scale, c.tableName, c.catalogName, c.type, c.readOnly, c.writable,
        c.definitelyWritable, className);
  }
}
