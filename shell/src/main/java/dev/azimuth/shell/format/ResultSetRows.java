package dev.azimuth.shell.format;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/** The rows of a JDBC result set, which the caller closes. */
public final class ResultSetRows implements Rows {
  private final ResultSet rows;
  private final List<Column> columns;

  /** Reads {@code rows} from where its cursor is. */
  public ResultSetRows(ResultSet rows) throws SQLException {
    this.rows = Objects.requireNonNull(rows, "rows");
    this.columns = Column.describe(rows.getMetaData());
  }

  @Override public List<Column> columns() {
    return columns;
  }

  @Override public boolean next() throws SQLException {
    return rows.next();
  }

  @Override public Object value(int column) throws SQLException {
    int i = column + 1;
    Object value = switch (columns.get(column).kind()) {
      case INTEGER -> rows.getLong(i);
      case REAL -> rows.getFloat(i);
      case DOUBLE -> rows.getDouble(i);
      case DECIMAL -> rows.getBigDecimal(i);
      case BOOLEAN -> rows.getBoolean(i);
      case VECTOR -> VectorValues.toFloats(rows.getObject(i));
      case TEXT -> rows.getString(i);
    };
    return rows.wasNull() ? null : value;
  }

  @Override public String text(int column) throws SQLException {
    return rows.getString(column + 1);
  }
}
