package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.catalog.Catalog;
import dev.azimuth.shell.format.Column;
import dev.azimuth.shell.format.ColumnKind;
import dev.azimuth.shell.format.ListRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code \dt [PATTERN]}: lists the tables, with their live row counts. */
final class ListTablesCommand implements ShellCommand {
  @Override public String name() {
    return "dt";
  }

  @Override public String arguments() {
    return "[PATTERN]";
  }

  @Override public String description() {
    return "list tables (PATTERN may use * and ?)";
  }

  @Override public Outcome run(String argument, Session session) {
    try {
      Catalog catalog = Catalog.load(session.connection());
      NamePattern pattern = NamePattern.of(argument);
      Map<String, Long> rowCounts = liveRows(session.connection());
      ListRows listing = new ListRows(List.of(Column.text("SCHEMA"), Column.text("TABLE"),
          Column.text("TYPE"), new Column("ROWS", ColumnKind.INTEGER)));
      for (Catalog.Table table : catalog.tables()) {
        if (pattern.matches(table.name()) || pattern.matches(table.qualifiedName())) {
          listing.add(table.schema(), table.name(), table.type(), rowCounts.get(table.name()));
        }
      }
      session.print(listing);
      return Outcome.DONE;
    } catch (SQLException e) {
      session.errors().sqlError(e);
      return Outcome.FAILED;
    }
  }

  /** Live rows per table from {@code SYS.SEGMENTS}; empty for a database without it. */
  private static Map<String, Long> liveRows(Connection connection) {
    Map<String, Long> rows = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet counts = statement.executeQuery(
            "SELECT table_name, SUM(live_rows) FROM sys.segments GROUP BY table_name")) {
      while (counts.next()) {
        rows.put(counts.getString(1), counts.getLong(2));
      }
    } catch (SQLException e) {
      // Not an Azimuth database (or an older one): the listing goes without counts.
      return Map.of();
    }
    return rows;
  }
}
