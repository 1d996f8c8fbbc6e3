package dev.azimuth.shell.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Prints statement results in one format. Implementations are stateless and thread-safe. */
public interface OutputFormat {
  /** The name users select the format by, e.g. {@code csv}. */
  String name();

  /** Prints every row of {@code rows} (which the caller closes) to {@code out}. */
  void writeRows(ResultSet rows, PrintWriter out) throws SQLException;

  /**
   * Prints the summary of a statement without a result set, e.g. {@code INSERT 3}. Formats meant
   * for machines print nothing, so their output stays parseable.
   */
  default void writeUpdate(String summary, PrintWriter out) {}
}
