package dev.azimuth.shell.format;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code \x} layout, as psql's: each record under a {@code -[ RECORD n ]} rule, one line
 * per column, {@code LABEL | value}, labels padded to the widest.
 */
final class ExpandedLayout {
  private ExpandedLayout() {}

  static void print(String[] labels, List<String[]> records, PrintWriter out) {
    int labelWidth = 0;
    for (String label : labels) {
      labelWidth = Math.max(labelWidth, CellText.width(label));
    }
    int valueWidth = 0;
    for (String[] record : records) {
      for (String value : record) {
        valueWidth = Math.max(valueWidth, CellText.width(value));
      }
    }
    for (int r = 0; r < records.size(); r++) {
      String heading = "-[ RECORD " + (r + 1) + " ]";
      int ruleWidth = labelWidth + 3 + valueWidth;
      out.println(heading + "-".repeat(Math.max(0, ruleWidth - CellText.width(heading))));
      String[] record = records.get(r);
      for (int c = 0; c < labels.length; c++) {
        String pad = " ".repeat(labelWidth - CellText.width(labels[c]));
        out.println((labels[c] + pad + " | " + record[c]).stripTrailing());
      }
    }
  }
}
