package dev.azimuth.planner.copy;

import dev.azimuth.planner.ResultColumn;
import java.io.IOException;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** Where COPY TO writes a query's rows, in one format. Not thread-safe. */
interface RowSink extends AutoCloseable {
  /** Writes one row, values in Calcite's internal form (DATE as days, ...). */
  void write(Object[] row) throws IOException;

  /** Completes the file after the last row (before it is closed and moved into place). */
  void finish() throws IOException;

  @Override void close() throws IOException;

  /** The text of a value of a result column, or null for NULL. */
  static String text(ResultColumn column, Object value) {
    if (value == null) {
      return null;
    }
    SqlTypeName type = column.type().getSqlTypeName();
    if (type == SqlTypeName.DATE && value instanceof Integer days) {
      return ValueConverter.dateText(days);
    }
    if (type == SqlTypeName.TIMESTAMP && value instanceof Long millis) {
      return ValueConverter.timestampText(millis);
    }
    return ValueConverter.toText(value);
  }

  /** The column labels, for headers. */
  static List<String> labels(List<ResultColumn> columns) {
    return columns.stream().map(ResultColumn::label).toList();
  }
}
