package dev.azimuth.shell.format;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/** Prints statement results in one format. Implementations are stateless and thread-safe. */
public interface OutputFormat {
  /** The name users select the format by, e.g. {@code csv}. */
  String name();

  /**
   * Prints every row of {@code rows} to {@code out}.
   *
   * @param display the layout settings, which formats meant for machines ignore
   */
  void writeRows(Rows rows, PrintWriter out, Display display) throws SQLException;

  /**
   * Prints the summary of a statement without a result set, e.g. {@code INSERT 3}. Formats meant
   * for machines print nothing, so their output stays parseable.
   */
  default void writeUpdate(String summary, PrintWriter out) {}

  /** Prints a heading above a listing such as {@code \d}'s; nothing by default, for machines. */
  default void writeTitle(String title, PrintWriter out) {}

  /**
   * Prints the result of {@code EXPLAIN}: one plan node per line, indented by depth. By default
   * as the rows they are, in a column labelled {@code label}.
   */
  default void writePlan(String label, List<String> lines, PrintWriter out, Display display)
      throws SQLException {
    ListRows rows = ListRows.ofText(label);
    for (String line : lines) {
      rows.add(line);
    }
    writeRows(rows, out, display);
  }
}
