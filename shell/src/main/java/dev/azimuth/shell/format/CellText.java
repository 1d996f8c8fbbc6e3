package dev.azimuth.shell.format;

import java.sql.SQLException;

/** The text of a value in a layout for people: NULL spelled out, long vectors cut, one line. */
final class CellText {
  static final String NULL = "NULL";
  /** Longer vectors (e.g. 768-d embeddings) would make a table unreadable; they are cut. */
  static final int MAX_VECTOR_COMPONENTS = 8;
  /** Components shown before the ellipsis of an abbreviated vector. */
  static final int SHOWN_VECTOR_COMPONENTS = 3;

  private CellText() {}

  /** The text of column {@code column} (0-based) of the current row. */
  static String of(Rows rows, int column) throws SQLException {
    if (rows.columns().get(column).kind() == ColumnKind.VECTOR) {
      Object value = rows.value(column);
      if (value == null) {
        return NULL;
      }
      if (value instanceof float[] vector) {
        return vector(vector);
      }
    }
    String text = rows.text(column);
    return text == null ? NULL : visible(text);
  }

  /**
   * {@code [1.0, 2.0, 3.0]}, or for more than {@value #MAX_VECTOR_COMPONENTS} components the
   * first few and the dimension count: {@code [0.1, 0.2, 0.3, … 768 dims]}.
   */
  static String vector(float[] vector) {
    boolean cut = vector.length > MAX_VECTOR_COMPONENTS;
    int shown = cut ? SHOWN_VECTOR_COMPONENTS : vector.length;
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : ", ").append(vector[i]);
    }
    if (cut) {
      text.append(", … ").append(vector.length).append(" dims");
    }
    return text.append(']').toString();
  }

  /** Escapes line breaks and tabs, which would break the table's alignment. */
  static String visible(String text) {
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0) {
      return text;
    }
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  /** The width of {@code text} in terminal columns, counted as code points. */
  static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
