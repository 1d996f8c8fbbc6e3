package dev.azimuth.bench.ann;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A markdown table built row by row; numeric-looking cells are right-aligned by column. */
final class MarkdownTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  MarkdownTable(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; cells are written with {@code String.valueOf}. */
  MarkdownTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          cells.length + " cells for " + headers.size() + " columns");
    }
    rows.add(Arrays.stream(cells).map(String::valueOf).toList());
    return this;
  }

  /** The table as markdown, with a blank line after it. */
  String render() {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", headers)).append(" |\n|");
    for (int c = 0; c < headers.size(); c++) {
      out.append(numeric(c) ? "---:|" : "---|");
    }
    out.append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  private boolean numeric(int column) {
    return !rows.isEmpty() && rows.stream()
        .allMatch(r -> r.get(column).matches("[-+]?[0-9][0-9,.]*( ?[a-zA-Z%/]+)?|n/a|-"));
  }
}
