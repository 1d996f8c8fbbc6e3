package dev.azimuth.shell.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for people: a header, a separator line, the rows, then {@code (N rows)}.
 * Numbers are right-aligned, NULL prints as {@code NULL}, vectors longer than
 * {@value #MAX_VECTOR_COMPONENTS} components are abbreviated. Rows are held in memory to
 * measure the columns, so this format suits interactive result sizes.
 */
final class TableFormat implements OutputFormat {
  static final String NAME = "table";
  static final String NULL = "NULL";
  /** Longer vectors (e.g. 768-d embeddings) would make a table unreadable; they are cut. */
  static final int MAX_VECTOR_COMPONENTS = 8;
  /** Components shown before the ellipsis of an abbreviated vector. */
  static final int SHOWN_VECTOR_COMPONENTS = 3;

  @Override public String name() {
    return NAME;
  }

  @Override public void writeRows(ResultSet rows, PrintWriter out) throws SQLException {
    List<Column> columns = Column.describe(rows.getMetaData());
    int[] widths = new int[columns.size()];
    String[] header = new String[columns.size()];
    for (int c = 0; c < header.length; c++) {
      header[c] = columns.get(c).label();
      widths[c] = width(header[c]);
    }
    List<String[]> cells = new ArrayList<>();
    while (rows.next()) {
      String[] row = new String[columns.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = cell(rows, c + 1, columns.get(c).kind());
        widths[c] = Math.max(widths[c], width(row[c]));
      }
      cells.add(row);
    }
    printRow(out, header, columns, widths);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
    }
    out.println(rule);
    for (String[] row : cells) {
      printRow(out, row, columns, widths);
    }
    out.println(cells.size() == 1 ? "(1 row)" : "(" + cells.size() + " rows)");
  }

  @Override public void writeUpdate(String summary, PrintWriter out) {
    out.println(summary);
  }

  private static void printRow(PrintWriter out, String[] row, List<Column> columns, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < row.length; c++) {
      String pad = " ".repeat(widths[c] - width(row[c]));
      line.append(c == 0 ? "" : " | ");
      line.append(columns.get(c).kind().numeric() ? pad + row[c] : row[c] + pad);
    }
    // Trailing blanks of a left-aligned last column are noise in diffs and copy-paste.
    out.println(line.toString().stripTrailing());
  }

  private static String cell(ResultSet rows, int column, ColumnKind kind) throws SQLException {
    if (kind == ColumnKind.VECTOR) {
      Object value = rows.getObject(column);
      if (value == null) {
        return NULL;
      }
      if (value instanceof float[] vector && vector.length > MAX_VECTOR_COMPONENTS) {
        return abbreviate(vector);
      }
    }
    String text = rows.getString(column);
    return text == null ? NULL : visible(text);
  }

  /** {@code [0.1,0.2,0.3, … 768 dims]}: the first components, then the dimension count. */
  static String abbreviate(float[] vector) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < SHOWN_VECTOR_COMPONENTS; i++) {
      text.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return text.append(", … ").append(vector.length).append(" dims]").toString();
  }

  /** Escapes line breaks and tabs, which would break the table's alignment. */
  static String visible(String text) {
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0) {
      return text;
    }
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
