package dev.azimuth.shell.format;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for people: a header, a separator line, the rows, then {@code (N rows)}; or,
 * with {@code \x}, each record as one line per column ({@link ExpandedLayout}). Numbers are
 * right-aligned, NULL prints as {@code NULL}, vectors longer than
 * {@value CellText#MAX_VECTOR_COMPONENTS} components are abbreviated, EXPLAIN plans print as a
 * tree. Rows are held in memory to measure the columns, so this format suits interactive
 * result sizes.
 */
final class TableFormat implements OutputFormat {
  static final String NAME = "table";

  @Override public String name() {
    return NAME;
  }

  @Override public void writeRows(Rows rows, PrintWriter out, Display display)
      throws SQLException {
    List<Column> columns = rows.columns();
    int[] widths = new int[columns.size()];
    String[] header = new String[columns.size()];
    for (int c = 0; c < header.length; c++) {
      header[c] = columns.get(c).label();
      widths[c] = CellText.width(header[c]);
    }
    List<String[]> cells = new ArrayList<>();
    while (rows.next()) {
      String[] row = new String[columns.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = CellText.of(rows, c);
        widths[c] = Math.max(widths[c], CellText.width(row[c]));
      }
      cells.add(row);
    }
    int tableWidth = 3 * Math.max(0, widths.length - 1);
    for (int width : widths) {
      tableWidth += width;
    }
    if (display.expand(tableWidth)) {
      ExpandedLayout.print(header, cells, out);
    } else {
      printAligned(header, cells, columns, widths, out);
    }
    out.println(cells.size() == 1 ? "(1 row)" : "(" + cells.size() + " rows)");
  }

  private static void printAligned(String[] header, List<String[]> cells, List<Column> columns,
      int[] widths, PrintWriter out) {
    printRow(out, header, columns, widths);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
    }
    out.println(rule);
    for (String[] row : cells) {
      printRow(out, row, columns, widths);
    }
  }

  @Override public void writeUpdate(String summary, PrintWriter out) {
    out.println(summary);
  }

  @Override public void writeTitle(String title, PrintWriter out) {
    out.println(title);
  }

  @Override public void writePlan(String label, List<String> lines, PrintWriter out,
      Display display) {
    for (String line : PlanTree.render(lines)) {
      out.println(line);
    }
  }

  private static void printRow(PrintWriter out, String[] row, List<Column> columns, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < row.length; c++) {
      String pad = " ".repeat(widths[c] - CellText.width(row[c]));
      line.append(c == 0 ? "" : " | ");
      line.append(columns.get(c).kind().numeric() ? pad + row[c] : row[c] + pad);
    }
    // Trailing blanks of a left-aligned last column are noise in diffs and copy-paste.
    out.println(line.toString().stripTrailing());
  }
}
