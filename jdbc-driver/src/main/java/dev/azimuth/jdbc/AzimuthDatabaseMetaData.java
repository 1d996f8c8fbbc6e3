package dev.azimuth.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.apache.calcite.avatica.Meta;

/**
 * DatabaseMetaData for both drivers. Tables, columns, types and keywords come through Avatica's
 * metadata requests; primary keys and indexes, which Avatica's remote protocol cannot ask for,
 * are read with SQL from the {@code SYS} tables, the same way embedded and remote, so a tool
 * sees the same answers either way. A row store keyed by its primary key is clustered on it:
 * the key is reported as a clustered unique index named {@code <TABLE>_PKEY}, and vector indexes
 * as non-unique indexes of type {@code tableIndexOther}.
 */
public final class AzimuthDatabaseMetaData extends AvaticaDatabaseMetaData {
  /** The one schema user tables live in. */
  private static final String SCHEMA = "PUBLIC";

  private final AvaticaConnection connection;
  private final Supplier<Meta> meta;

  /** @param meta the connection's Meta, for the database's own properties */
  public AzimuthDatabaseMetaData(AvaticaConnection connection, Supplier<Meta> meta) {
    super(connection);
    this.connection = connection;
    this.meta = meta;
  }

  /** The database's version, which for a server may differ from this driver's. */
  @Override public String getDatabaseProductVersion() throws SQLException {
    return property(Meta.DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, String.class);
  }

  @Override public int getDatabaseMajorVersion() throws SQLException {
    return property(Meta.DatabaseProperty.GET_DATABASE_MAJOR_VERSION, Integer.class);
  }

  @Override public int getDatabaseMinorVersion() throws SQLException {
    return property(Meta.DatabaseProperty.GET_DATABASE_MINOR_VERSION, Integer.class);
  }

  private <T> T property(Meta.DatabaseProperty property, Class<T> type) throws SQLException {
    try {
      return property.getProp(meta.get(), connection.handle, type);
    } catch (RuntimeException e) {
      throw new SQLException("could not read the database's " + property + ": "
          + e.getMessage(), "08006", e);
    }
  }

  @Override public String getIdentifierQuoteString() {
    return "\"";
  }

  @Override public boolean storesUpperCaseIdentifiers() {
    return true;
  }

  @Override public boolean storesMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override public boolean supportsTransactions() {
    return true;
  }

  @Override public int getDefaultTransactionIsolation() {
    return Transactions.ISOLATION;
  }

  // Snapshot isolation only: asking for a weaker level gets this one (JDBC allows that).
  @Override public boolean supportsTransactionIsolationLevel(int level) {
    return level == Transactions.ISOLATION;
  }

  @Override public boolean supportsSavepoints() {
    return true;
  }

  @Override public boolean supportsMultipleTransactions() {
    return true;
  }

  // DDL is refused in a transaction (SQLSTATE 25001), neither committed nor ignored there.
  @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return false;
  }

  @Override public boolean supportsDataManipulationTransactionsOnly() {
    return true;
  }

  @Override public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  @Override public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  @Override public ResultSet getPrimaryKeys(String catalog, String schema, String table)
      throws SQLException {
    String sql = "SELECT CAST(NULL AS VARCHAR) AS \"TABLE_CAT\", CAST('" + SCHEMA
        + "' AS VARCHAR) AS \"TABLE_SCHEM\", TABLE_NAME, COLUMN_NAME,"
        + " CAST(KEY_SEQ AS SMALLINT) AS \"KEY_SEQ\", TABLE_NAME || '_PKEY' AS \"PK_NAME\""
        + " FROM SYS.COLUMNS WHERE PRIMARY_KEY";
    return query(List.of(sql), " ORDER BY \"COLUMN_NAME\"", catalog, schema, table);
  }

  @Override public ResultSet getIndexInfo(String catalog, String schema, String table,
      boolean unique, boolean approximate) throws SQLException {
    String key = "SELECT CAST(NULL AS VARCHAR) AS \"TABLE_CAT\", CAST('" + SCHEMA
        + "' AS VARCHAR) AS \"TABLE_SCHEM\", TABLE_NAME, FALSE AS \"NON_UNIQUE\","
        + " CAST(NULL AS VARCHAR) AS \"INDEX_QUALIFIER\","
        + " TABLE_NAME || '_PKEY' AS \"INDEX_NAME\","
        + " CAST(" + tableIndexClustered + " AS SMALLINT) AS \"TYPE\","
        + " CAST(KEY_SEQ AS SMALLINT) AS \"ORDINAL_POSITION\", COLUMN_NAME,"
        + " CAST('A' AS VARCHAR) AS \"ASC_OR_DESC\", CAST(NULL AS BIGINT) AS \"CARDINALITY\","
        + " CAST(NULL AS BIGINT) AS \"PAGES\", CAST(NULL AS VARCHAR) AS \"FILTER_CONDITION\""
        + " FROM SYS.COLUMNS WHERE PRIMARY_KEY";
    String vector = "SELECT DISTINCT CAST(NULL AS VARCHAR), CAST('" + SCHEMA
        + "' AS VARCHAR), TABLE_NAME, TRUE, CAST(NULL AS VARCHAR), INDEX_NAME,"
        + " CAST(" + tableIndexOther + " AS SMALLINT), CAST(1 AS SMALLINT), COLUMN_NAME,"
        + " CAST(NULL AS VARCHAR), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT),"
        + " CAST(NULL AS VARCHAR) FROM SYS.INDEXES WHERE TRUE";
    String order = " ORDER BY \"NON_UNIQUE\", \"TYPE\", \"INDEX_NAME\", \"ORDINAL_POSITION\"";
    return query(unique ? List.of(key) : List.of(key, vector), order, catalog, schema, table);
  }

  /**
   * Runs {@code selects}, each narrowed to the table (when given) and joined by UNION ALL, in
   * {@code order}; the statement closes with its result set. No row matches another catalog
   * or schema.
   */
  private ResultSet query(List<String> selects, String order, String catalog, String schema,
      String table) throws SQLException {
    boolean none = (catalog != null && !catalog.isEmpty())
        || (schema != null && !schema.equalsIgnoreCase(SCHEMA));
    StringBuilder sql = new StringBuilder();
    for (String select : selects) {
      if (sql.length() > 0) {
        sql.append(" UNION ALL ");
      }
      sql.append(select)
          .append(none ? " AND FALSE" : table == null ? "" : " AND TABLE_NAME = ?");
    }
    sql.append(order);
    PreparedStatement statement = getConnection().prepareStatement(sql.toString());
    try {
      if (!none && table != null) {
        for (int i = 1; i <= selects.size(); i++) {
          statement.setString(i, table);
        }
      }
      statement.closeOnCompletion();
      return statement.executeQuery();
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }
}
