package dev.azimuth.server;

import java.util.List;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The part of Avatica's {@link org.apache.calcite.avatica.Meta} that its remote protocol never
 * reaches: the server's {@link org.apache.calcite.avatica.remote.LocalService} asks only for
 * tables, columns, schemas, catalogs, table types and type info, and iterates nothing itself.
 * These fail loudly rather than answer wrongly. (Primary keys and indexes reach clients through
 * the {@code SYS} tables instead.)
 */
abstract class ProtocolMeta implements ProtobufMeta {
  private static UnsupportedOperationException notInProtocol(String what) {
    return new UnsupportedOperationException(what + " is not part of Avatica's remote protocol");
  }

  @Override public MetaResultSet getProcedures(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat procedureNamePattern) {
    throw notInProtocol("getProcedures");
  }

  @Override public MetaResultSet getProcedureColumns(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat procedureNamePattern, Pat columnNamePattern) {
    throw notInProtocol("getProcedureColumns");
  }

  @Override public MetaResultSet getColumnPrivileges(ConnectionHandle ch, String catalog,
      String schema, String table, Pat columnNamePattern) {
    throw notInProtocol("getColumnPrivileges");
  }

  @Override public MetaResultSet getTablePrivileges(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat tableNamePattern) {
    throw notInProtocol("getTablePrivileges");
  }

  @Override public MetaResultSet getBestRowIdentifier(ConnectionHandle ch, String catalog,
      String schema, String table, int scope, boolean nullable) {
    throw notInProtocol("getBestRowIdentifier");
  }

  @Override public MetaResultSet getVersionColumns(ConnectionHandle ch, String catalog,
      String schema, String table) {
    throw notInProtocol("getVersionColumns");
  }

  @Override public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog,
      String schema, String table) {
    throw notInProtocol("getPrimaryKeys");
  }

  @Override public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog,
      String schema, String table) {
    throw notInProtocol("getImportedKeys");
  }

  @Override public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog,
      String schema, String table) {
    throw notInProtocol("getExportedKeys");
  }

  @Override public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog,
      String parentSchema, String parentTable, String foreignCatalog, String foreignSchema,
      String foreignTable) {
    throw notInProtocol("getCrossReference");
  }

  @Override public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog,
      String schema, String table, boolean unique, boolean approximate) {
    throw notInProtocol("getIndexInfo");
  }

  @Override public MetaResultSet getUDTs(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat typeNamePattern, int[] types) {
    throw notInProtocol("getUDTs");
  }

  @Override public MetaResultSet getSuperTypes(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat typeNamePattern) {
    throw notInProtocol("getSuperTypes");
  }

  @Override public MetaResultSet getSuperTables(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat tableNamePattern) {
    throw notInProtocol("getSuperTables");
  }

  @Override public MetaResultSet getAttributes(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat typeNamePattern, Pat attributeNamePattern) {
    throw notInProtocol("getAttributes");
  }

  @Override public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
    throw notInProtocol("getClientInfoProperties");
  }

  @Override public MetaResultSet getFunctions(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat functionNamePattern) {
    throw notInProtocol("getFunctions");
  }

  @Override public MetaResultSet getFunctionColumns(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat functionNamePattern, Pat columnNamePattern) {
    throw notInProtocol("getFunctionColumns");
  }

  @Override public MetaResultSet getPseudoColumns(ConnectionHandle ch, String catalog,
      Pat schemaPattern, Pat tableNamePattern, Pat columnNamePattern) {
    throw notInProtocol("getPseudoColumns");
  }

  @Override public Iterable<Object> createIterable(StatementHandle stmt, QueryState state,
      Signature signature, List<TypedValue> parameters, Frame firstFrame) {
    throw notInProtocol("createIterable");
  }

  @SuppressWarnings("deprecation")
  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql,
      long maxRowCount, PrepareCallback callback) {
    throw notInProtocol("prepareAndExecute without a first-frame size");
  }

  @SuppressWarnings("deprecation")
  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      long maxRowCount) {
    throw notInProtocol("execute without a first-frame size");
  }
}
