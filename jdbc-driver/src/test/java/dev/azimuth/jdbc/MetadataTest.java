package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataTest {
  @Test
  void tablesAndColumnsWithVectorDimensions() throws SQLException {
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(100), "
          + "price DECIMAL(8,2) NOT NULL, embedding VECTOR(128))");
      update(c, "CREATE TABLE other (k VARCHAR PRIMARY KEY)");
      DatabaseMetaData md = c.getMetaData();
      assertEquals("Azimuth", md.getDatabaseProductName());
      assertTrue(md.getDriverName().contains("Azimuth"));

      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + ":"
              + rs.getString("TABLE_TYPE"));
        }
      }
      assertEquals(List.of("PUBLIC.DOCS:TABLE", "PUBLIC.OTHER:TABLE"), tables);

      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, "PUBLIC", "DOCS", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE") + ":"
              + rs.getString("TYPE_NAME") + ":" + rs.getInt("COLUMN_SIZE") + ":"
              + rs.getString("IS_NULLABLE") + ":" + rs.getInt("ORDINAL_POSITION"));
        }
      }
      assertEquals(List.of("ID:" + Types.BIGINT + ":BIGINT:19:NO:1",
          "TITLE:" + Types.VARCHAR + ":VARCHAR(100):100:YES:2",
          "PRICE:" + Types.DECIMAL + ":DECIMAL(8,2):8:NO:3",
          "EMBEDDING:" + Types.OTHER + ":VECTOR(128):128:YES:4"), columns);

      try (ResultSet rs = md.getColumns(null, null, "D_CS", "EMB%")) {
        assertTrue(rs.next());
        assertEquals("VECTOR(128)", rs.getString("TYPE_NAME"));
      }
      try (ResultSet rs = md.getSchemas()) {
        assertTrue(rs.next());
        assertEquals("PUBLIC", rs.getString("TABLE_SCHEM"));
      }
    }
  }

  @Test
  void resultSetMetaDataDescribesColumns() throws SQLException {
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(3))");
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT id, v, v <-> '[1,2,3]' AS dist FROM t")) {
        ResultSetMetaData m = rs.getMetaData();
        assertEquals(3, m.getColumnCount());
        assertEquals("ID", m.getColumnLabel(1));
        assertEquals(Types.BIGINT, m.getColumnType(1));
        assertEquals(ResultSetMetaData.columnNoNulls, m.isNullable(1));
        assertEquals("VECTOR(3)", m.getColumnTypeName(2));
        assertEquals(3, m.getPrecision(2));
        assertEquals("DIST", m.getColumnLabel(3));
        assertEquals(Types.DOUBLE, m.getColumnType(3));
      }
    }
  }
}
