package dev.azimuth.shell.format;

import java.sql.SQLException;
import java.util.List;

/**
 * Rows to print, read forward once: a query's result set ({@link ResultSetRows}) or rows the
 * shell built itself, e.g. for {@code \dt} ({@link ListRows}). Not thread-safe.
 */
public interface Rows {
  /** The columns, in order. */
  List<Column> columns();

  /** Moves to the next row; {@code false} when there is none. */
  boolean next() throws SQLException;

  /**
   * The value of a column of the current row, of the Java type its {@link ColumnKind} names.
   *
   * @param column 0-based
   * @return the value, {@code null} for SQL NULL
   */
  Object value(int column) throws SQLException;

  /**
   * The text form of a column of the current row, as the driver writes it (what CSV prints).
   *
   * @param column 0-based
   * @return the text, {@code null} for SQL NULL
   */
  String text(int column) throws SQLException;
}
