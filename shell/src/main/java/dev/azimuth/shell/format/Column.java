package dev.azimuth.shell.format;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A result column as the formats see it.
 *
 * @param label the column label (what {@code AS} named it), used as header and JSON key
 * @param kind  how its values are read and printed
 */
public record Column(String label, ColumnKind kind) {
  /** Checks the parts. */
  public Column {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
  }

  /** A column of text. */
  public static Column text(String label) {
    return new Column(label, ColumnKind.TEXT);
  }

  /** Describes every column of a result set, in order. */
  static List<Column> describe(ResultSetMetaData meta) throws SQLException {
    List<Column> columns = new ArrayList<>(meta.getColumnCount());
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(new Column(meta.getColumnLabel(i),
          ColumnKind.of(meta.getColumnType(i), meta.getColumnTypeName(i))));
    }
    return List.copyOf(columns);
  }
}
