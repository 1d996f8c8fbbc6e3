package dev.azimuth.shell.command;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code SYS.INDEXES}: an index's graph over one sealed segment, with its build state.
 *
 * @param index    the index name
 * @param table    the indexed table
 * @param column   the indexed column
 * @param type     {@code HNSW} or {@code DISKANN}
 * @param metric   e.g. {@code l2}
 * @param options  the build options, e.g. {@code m=16, ef_construction=100}
 * @param segment  the segment number
 * @param state    {@code READY}, {@code BUILDING}, {@code PENDING} or {@code FAILED}
 * @param indexed  vectors indexed so far
 * @param total    vectors in the segment
 * @param progress percent done
 * @param memory   heap bytes of a ready graph, or {@code null}
 * @param error    why a build failed, or {@code null}
 */
record IndexSegment(String index, String table, String column, String type, String metric,
    String options, long segment, String state, long indexed, long total, double progress,
    Long memory, String error) {
  /** Every row of {@code SYS.INDEXES}, by index and segment. */
  static List<IndexSegment> read(Connection connection) throws SQLException {
    List<IndexSegment> segments = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT * FROM sys.indexes ORDER BY table_name, index_name, segment")) {
      while (rows.next()) {
        long memory = rows.getLong("MEMORY_BYTES");
        Long memoryOrNull = rows.wasNull() ? null : memory;
        segments.add(new IndexSegment(rows.getString("INDEX_NAME"), rows.getString("TABLE_NAME"),
            rows.getString("COLUMN_NAME"), rows.getString("INDEX_TYPE"), rows.getString("METRIC"),
            rows.getString("OPTIONS"), rows.getLong("SEGMENT"), rows.getString("STATE"),
            rows.getLong("INDEXED_VECTORS"), rows.getLong("TOTAL_VECTORS"),
            rows.getDouble("PROGRESS"), memoryOrNull, rows.getString("ERROR")));
      }
    }
    return segments;
  }

  /** The state, with the reason of a failure. */
  String stateWithError() {
    return error == null ? state : state + ": " + error;
  }
}
