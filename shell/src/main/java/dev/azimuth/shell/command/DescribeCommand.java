package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.catalog.Catalog;
import dev.azimuth.shell.format.Column;
import dev.azimuth.shell.format.ColumnKind;
import dev.azimuth.shell.format.ListRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code \d NAME}: a table's columns (from DatabaseMetaData), its primary key when the driver
 * reports one, and its indexes segment by segment with their build state (from
 * {@code SYS.INDEXES}). Without a name, lists the tables as {@code \dt} does.
 */
final class DescribeCommand implements ShellCommand {
  private final ListTablesCommand tables = new ListTablesCommand();

  @Override public String name() {
    return "d";
  }

  @Override public String arguments() {
    return "[NAME]";
  }

  @Override public String description() {
    return "describe a table: columns, indexes and their state per segment";
  }

  @Override public Argument argument() {
    return Argument.TABLE;
  }

  @Override public Outcome run(String argument, Session session) {
    if (argument.isEmpty()) {
      return tables.run(argument, session);
    }
    try {
      Optional<Catalog.Table> found = Catalog.load(session.connection()).find(argument);
      if (found.isEmpty()) {
        session.errors().shellError("no table named " + argument + " (\\dt lists them)");
        return Outcome.FAILED;
      }
      Catalog.Table table = found.get();
      session.printTitle("Table " + table.qualifiedName());
      ListRows columns = ListRows.ofText("COLUMN", "TYPE", "NULLABLE", "DEFAULT");
      for (Catalog.Column column : table.columns()) {
        columns.add(column.name(), column.typeName(), column.nullable() ? "" : "NOT NULL",
            column.defaultValue() == null ? "" : column.defaultValue());
      }
      session.print(columns);
      List<String> key = primaryKey(session, table);
      if (!key.isEmpty()) {
        session.printTitle("Primary key: " + String.join(", ", key));
      }
      printIndexes(session, table);
      return Outcome.DONE;
    } catch (SQLException e) {
      session.errors().sqlError(e);
      return Outcome.FAILED;
    }
  }

  /** The primary key's columns, or none if the driver does not tell. */
  private static List<String> primaryKey(Session session, Catalog.Table table) {
    List<String> key = new ArrayList<>();
    try (ResultSet rows = session.connection().getMetaData()
        .getPrimaryKeys(null, table.schema(), table.name())) {
      while (rows.next()) {
        key.add(rows.getString("COLUMN_NAME"));
      }
    } catch (SQLException e) {
      return List.of(); // Optional in JDBC: the description goes without it.
    }
    return key;
  }

  private static void printIndexes(Session session, Catalog.Table table) throws SQLException {
    List<IndexSegment> segments;
    try {
      segments = IndexSegment.read(session.connection());
    } catch (SQLException e) {
      return; // Not an Azimuth database: no SYS.INDEXES to show.
    }
    ListRows indexes = new ListRows(List.of(Column.text("INDEX"), Column.text("TYPE"),
        Column.text("COLUMN"), Column.text("METRIC"), Column.text("OPTIONS"),
        new Column("SEGMENT", ColumnKind.INTEGER), Column.text("STATE"),
        new Column("INDEXED", ColumnKind.INTEGER), new Column("TOTAL", ColumnKind.INTEGER),
        new Column("PROGRESS", ColumnKind.DOUBLE)));
    // SYS.INDEXES names a table of another schema than PUBLIC "SCHEMA.TABLE".
    String sysName = table.schema() == null || table.schema().equals("PUBLIC") ? table.name()
        : table.schema() + "." + table.name();
    for (IndexSegment s : segments) {
      if (s.table().equals(sysName)) {
        indexes.add(s.index(), s.type(), s.column(), s.metric(), s.options(), s.segment(),
            s.stateWithError(), s.indexed(), s.total(), s.progress());
      }
    }
    if (indexes.size() == 0) {
      session.printTitle("No indexes.");
      return;
    }
    session.printTitle("Indexes (one row per segment):");
    session.print(indexes);
  }
}
