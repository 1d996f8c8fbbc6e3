package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.format.Column;
import dev.azimuth.shell.format.ColumnKind;
import dev.azimuth.shell.format.ListRows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code \di [PATTERN]}: lists the vector indexes with their build state, summed over segments
 * from {@code SYS.INDEXES} ({@code \d TABLE} shows each segment).
 */
final class ListIndexesCommand implements ShellCommand {
  @Override public String name() {
    return "di";
  }

  @Override public String arguments() {
    return "[PATTERN]";
  }

  @Override public String description() {
    return "list indexes and their build state (PATTERN matches index or table)";
  }

  @Override public Outcome run(String argument, Session session) {
    List<IndexSegment> segments;
    try {
      segments = IndexSegment.read(session.connection());
    } catch (SQLException e) {
      session.errors().sqlError(e);
      return Outcome.FAILED;
    }
    NamePattern pattern = NamePattern.of(argument);
    Map<String, List<IndexSegment>> byIndex = new LinkedHashMap<>();
    for (IndexSegment segment : segments) {
      if (pattern.matches(segment.index()) || pattern.matches(segment.table())) {
        byIndex.computeIfAbsent(segment.table() + "." + segment.index(), k -> new ArrayList<>())
            .add(segment);
      }
    }
    ListRows listing = new ListRows(List.of(Column.text("INDEX"), Column.text("TABLE"),
        Column.text("COLUMN"), Column.text("TYPE"), Column.text("METRIC"), Column.text("STATE"),
        new Column("SEGMENTS", ColumnKind.INTEGER), Column.text("VECTORS"),
        new Column("MEMORY_BYTES", ColumnKind.INTEGER)));
    for (List<IndexSegment> parts : byIndex.values()) {
      IndexSegment first = parts.get(0);
      long indexed = 0;
      long total = 0;
      Long memory = null;
      for (IndexSegment part : parts) {
        indexed += part.indexed();
        total += part.total();
        if (part.memory() != null) {
          memory = (memory == null ? 0 : memory) + part.memory();
        }
      }
      listing.add(first.index(), first.table(), first.column(), first.type(), first.metric(),
          state(parts), (long) parts.size(), indexed + "/" + total, memory);
    }
    try {
      session.print(listing);
      return Outcome.DONE;
    } catch (SQLException e) {
      session.errors().sqlError(e);
      return Outcome.FAILED;
    }
  }

  /** {@code READY} when all segments agree, else counts per state: {@code BUILDING 1, READY 2}. */
  static String state(List<IndexSegment> parts) {
    Map<String, Integer> counts = new TreeMap<>();
    for (IndexSegment part : parts) {
      counts.merge(part.state(), 1, Integer::sum);
    }
    if (counts.size() == 1) {
      return counts.keySet().iterator().next();
    }
    List<String> states = new ArrayList<>();
    counts.forEach((state, count) -> states.add(state + " " + count));
    return String.join(", ", states);
  }
}
