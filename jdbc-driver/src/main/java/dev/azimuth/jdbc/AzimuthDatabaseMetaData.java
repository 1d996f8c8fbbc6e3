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
 * the key is reported as a clustered unique index named {@code <TABLE>_PKEY}, and BTREE, vector
 * and FULLTEXT indexes as non-unique indexes of type {@code tableIndexOther}, a row per column.
 */
public final class AzimuthDatabaseMetaData extends AvaticaDatabaseMetaData {
  /** The schema user tables live in unless created in another. */
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
    String sql = "SELECT CAST(NULL AS VARCHAR) AS \"TABLE_CAT\", $SCHEMA AS \"TABLE_SCHEM\","
        + " $TABLE AS \"TABLE_NAME\", COLUMN_NAME,"
        + " CAST(KEY_SEQ AS SMALLINT) AS \"KEY_SEQ\", $TABLE || '_PKEY' AS \"PK_NAME\""
        + " FROM SYS.COLUMNS WHERE PRIMARY_KEY";
    return query(List.of(sql), " ORDER BY \"TABLE_SCHEM\", \"TABLE_NAME\", \"COLUMN_NAME\"",
        catalog, schema, table);
  }

  @Override public ResultSet getIndexInfo(String catalog, String schema, String table,
      boolean unique, boolean approximate) throws SQLException {
    String key = "SELECT CAST(NULL AS VARCHAR) AS \"TABLE_CAT\", $SCHEMA AS \"TABLE_SCHEM\","
        + " $TABLE AS \"TABLE_NAME\", FALSE AS \"NON_UNIQUE\","
        + " CAST(NULL AS VARCHAR) AS \"INDEX_QUALIFIER\","
        + " $TABLE || '_PKEY' AS \"INDEX_NAME\","
        + " CAST(" + tableIndexClustered + " AS SMALLINT) AS \"TYPE\","
        + " CAST(KEY_SEQ AS SMALLINT) AS \"ORDINAL_POSITION\", COLUMN_NAME,"
        + " CAST('A' AS VARCHAR) AS \"ASC_OR_DESC\", CAST(NULL AS BIGINT) AS \"CARDINALITY\","
        + " CAST(NULL AS BIGINT) AS \"PAGES\", CAST(NULL AS VARCHAR) AS \"FILTER_CONDITION\""
        + " FROM SYS.COLUMNS WHERE PRIMARY_KEY";
    String other = "SELECT CAST(NULL AS VARCHAR), $SCHEMA, $TABLE, TRUE,"
        + " CAST(NULL AS VARCHAR), INDEX_NAME,"
        + " CAST(" + tableIndexOther + " AS SMALLINT), CAST(ORDINAL_POSITION AS SMALLINT),"
        + " COLUMN_NAME, CASE WHEN INDEX_TYPE = 'BTREE' THEN 'A' END,"
        + " CAST(NULL AS BIGINT), CAST(NULL AS BIGINT),"
        + " CAST(NULL AS VARCHAR) FROM SYS.INDEX_COLUMNS WHERE TRUE";
    String order = " ORDER BY \"NON_UNIQUE\", \"TYPE\", \"INDEX_NAME\", \"ORDINAL_POSITION\"";
    return query(unique ? List.of(key) : List.of(key, other), order, catalog, schema, table);
  }

  /**
   * Runs {@code selects} once for each schema the pattern-free {@code schema} names (all when
   * null), each narrowed to the table (when given) and joined by UNION ALL, in {@code order};
   * the statement closes with its result set. The SYS tables name a table of schema S as
   * {@code S.T}: in each select {@code $SCHEMA} becomes the schema and {@code $TABLE} the
   * table's name within it. No row matches another catalog.
   */
  private ResultSet query(List<String> selects, String order, String catalog, String schema,
      String table) throws SQLException {
    List<String> schemas = userSchemas();
    List<String> wanted = schema == null ? schemas
        : schemas.stream().filter(schema::equalsIgnoreCase).toList();
    if (catalog != null && !catalog.isEmpty()) {
      wanted = List.of();
    }
    StringBuilder sql = new StringBuilder();
    List<String> params = new java.util.ArrayList<>();
    for (String s : wanted.isEmpty() ? List.of(SCHEMA) : wanted) {
      for (String select : selects) {
        if (sql.length() > 0) {
          sql.append(" UNION ALL ");
        }
        boolean isPublic = s.equals(SCHEMA);
        String prefix = s + ".";
        String name = isPublic ? "TABLE_NAME"
            : "SUBSTRING(TABLE_NAME FROM " + (prefix.length() + 1) + ")";
        sql.append(select.replace("$SCHEMA", "CAST(" + literal(s) + " AS VARCHAR)")
            .replace("$TABLE", name));
        if (wanted.isEmpty()) {
          sql.append(" AND FALSE");
          continue;
        }
        for (String other : schemas) {
          if (other.equals(SCHEMA)) {
            continue;
          }
          String p = other + ".";
          boolean mine = other.equals(s);
          sql.append(" AND SUBSTRING(TABLE_NAME FROM 1 FOR ").append(p.length()).append(')')
              .append(mine ? " = ?" : " <> ?");
          params.add(p);
        }
        if (table != null) {
          sql.append(" AND TABLE_NAME = ?");
          params.add(isPublic ? table : prefix + table);
        }
      }
    }
    sql.append(order);
    PreparedStatement statement = getConnection().prepareStatement(sql.toString());
    try {
      for (int i = 0; i < params.size(); i++) {
        statement.setString(i + 1, params.get(i));
      }
      statement.closeOnCompletion();
      return statement.executeQuery();
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** PUBLIC and the schemas made with CREATE SCHEMA. */
  private List<String> userSchemas() throws SQLException {
    List<String> names = new java.util.ArrayList<>();
    try (ResultSet rs = getSchemas()) {
      while (rs.next()) {
        String name = rs.getString("TABLE_SCHEM");
        if (!name.equals("SYS") && !name.equals("INFORMATION_SCHEMA")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
