package dev.azimuth.shell.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Rows the shell assembled itself (listings such as {@code \dt}), held in memory. Values must be
 * of the Java type their column's {@link ColumnKind} names; text is their string form.
 */
public final class ListRows implements Rows {
  private final List<Column> columns;
  private final List<Object[]> rows = new ArrayList<>();
  private int current = -1;

  /** Rows with these columns, none yet. */
  public ListRows(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Rows with these text columns, none yet. */
  public static ListRows ofText(String... labels) {
    return new ListRows(Arrays.stream(labels).map(Column::text).toList());
  }

  /** Appends a row of one value per column. */
  public ListRows add(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          values.length + " values for " + columns.size() + " columns");
    }
    rows.add(values.clone());
    return this;
  }

  /** How many rows were added. */
  public int size() {
    return rows.size();
  }

  @Override public List<Column> columns() {
    return columns;
  }

  @Override public boolean next() {
    if (current + 1 >= rows.size()) {
      current = rows.size();
      return false;
    }
    current++;
    return true;
  }

  @Override public Object value(int column) {
    return rows.get(current)[column];
  }

  @Override public String text(int column) {
    Object value = value(column);
    if (value instanceof float[] vector) {
      return VectorValues.text(vector);
    }
    return Objects.toString(value, null);
  }
}
