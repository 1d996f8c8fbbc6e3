package dev.azimuth.shell.repl;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.catalog.Catalog;
import dev.azimuth.shell.command.ShellCommand;
import dev.azimuth.shell.command.ShellCommands;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion. In SQL: table names where a table goes (after {@code FROM}, {@code JOIN},
 * {@code INTO}, ...), {@code alias.column} after a table name or alias and a dot, elsewhere
 * keywords, functions, tables and the columns of the tables the statement names (of all tables
 * if it names none). In a backslash command: the command names, then its argument (a file, a
 * table, or one of its choices). Names come from the live catalog through DatabaseMetaData,
 * re-read after DDL, {@code \connect}, or a minute. A word typed in lower case completes in lower
 * case. Runs on the thread reading the line, which is the shell's one thread.
 */
final class SqlCompleter implements Completer {
  /** Words after which a table name is expected. */
  private static final Set<String> TABLE_BEFORE = Set.of("FROM", "JOIN", "INTO", "UPDATE",
      "TABLE", "EXISTS");
  /** A name that needs no quotes as it is stored. */
  private static final Pattern PLAIN = Pattern.compile("[A-Z_][A-Z0-9_$]*");
  /** Tables created by another connection show up after this long. */
  private static final long MAX_AGE_NANOS = 60_000_000_000L;

  private final Session session;
  private final ShellCommands commands;
  private final Completer files = new Completers.FileNameCompleter();
  private Catalog catalog = Catalog.EMPTY;
  private long catalogVersion = -1;
  private long loadedAt;

  SqlCompleter(Session session, ShellCommands commands) {
    this.session = Objects.requireNonNull(session, "session");
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  @Override public void complete(LineReader reader, ParsedLine parsed, List<Candidate> candidates) {
    if (!(parsed instanceof SqlParsedLine line) || line.quoted()) {
      return;
    }
    if (line.command()) {
      completeCommand(reader, line, candidates);
      return;
    }
    String prefix = line.prefix();
    boolean lower = lowerCase(prefix);
    Catalog tables = catalog();
    int dot = prefix.lastIndexOf('.');
    if (dot > 0) {
      completeQualified(prefix.substring(0, dot), line, tables, lower, candidates);
      return;
    }
    String previous = line.previousWord().toUpperCase(Locale.ROOT);
    boolean tableExpected = TABLE_BEFORE.contains(previous)
        || previous.equals("ON") && mentions(line, "INDEX");
    for (Catalog.Table table : tables.tables()) {
      candidates.add(candidate(name(table.name(), lower), "tables", table.type(), true));
    }
    if (tableExpected) {
      return;
    }
    for (String keyword : SqlKeywords.KEYWORDS) {
      candidates.add(candidate(style(keyword, lower), "keywords", null, true));
    }
    for (String function : SqlKeywords.FUNCTIONS) {
      candidates.add(candidate(style(function, lower) + "(", "functions", null, false));
    }
    Map<String, String> columns = new LinkedHashMap<>();
    List<Catalog.Table> named = namedTables(line, tables);
    for (Catalog.Table table : named.isEmpty() ? tables.tables() : named) {
      for (Catalog.Column column : table.columns()) {
        columns.merge(name(column.name(), lower), column.typeName() + " in " + table.name(),
            (a, b) -> a + ", " + b.substring(b.indexOf(" in ") + 4));
      }
    }
    columns.forEach((name, description) ->
        candidates.add(candidate(name, "columns", description, true)));
  }

  /** {@code qualifier.}: the columns of the table or alias, or the tables of the schema. */
  private void completeQualified(String qualifier, SqlParsedLine line, Catalog tables,
      boolean lower, List<Candidate> candidates) {
    Optional<Catalog.Table> table = resolve(qualifier, line, tables);
    if (table.isPresent()) {
      for (Catalog.Column column : table.get().columns()) {
        candidates.add(candidate(qualifier + "." + name(column.name(), lower), "columns",
            column.typeName(), true));
      }
      return;
    }
    for (Catalog.Table t : tables.tables()) {
      if (Catalog.matches(qualifier, t.schema())) {
        candidates.add(candidate(qualifier + "." + name(t.name(), lower), "tables", t.type(),
            true));
      }
    }
  }

  /** The table {@code qualifier} names: a table itself, or an alias following one. */
  private static Optional<Catalog.Table> resolve(String qualifier, SqlParsedLine line,
      Catalog tables) {
    Optional<Catalog.Table> direct = tables.find(qualifier);
    if (direct.isPresent()) {
      return direct;
    }
    List<String> words = line.words();
    for (int i = 1; i < words.size(); i++) {
      if (!Catalog.matches(qualifier, words.get(i))) {
        continue;
      }
      int before = i - 1;
      if (words.get(before).equalsIgnoreCase("AS") && before > 0) {
        before--;
      }
      Optional<Catalog.Table> aliased = tables.find(words.get(before));
      if (aliased.isPresent()) {
        return aliased;
      }
    }
    return Optional.empty();
  }

  /** The tables the statement names anywhere, e.g. after FROM, in order, without repeats. */
  private static List<Catalog.Table> namedTables(SqlParsedLine line, Catalog tables) {
    List<Catalog.Table> named = new ArrayList<>();
    for (int i = 0; i < line.words().size(); i++) {
      if (i == line.wordIndex()) {
        continue;
      }
      tables.find(line.words().get(i)).filter(t -> !named.contains(t)).ifPresent(named::add);
    }
    return named;
  }

  private static boolean mentions(SqlParsedLine line, String keyword) {
    return line.words().stream().anyMatch(keyword::equalsIgnoreCase);
  }

  private void completeCommand(LineReader reader, SqlParsedLine line,
      List<Candidate> candidates) {
    List<String> words = line.words();
    int first = words.get(0).isEmpty() && words.size() > 1 ? 1 : 0;
    if (line.wordIndex() <= first) {
      for (String name : commands.names()) {
        candidates.add(candidate("\\" + name, "commands", null, true));
      }
      return;
    }
    Optional<ShellCommand> command = commands.find(words.get(first).substring(1));
    if (command.isEmpty() || line.wordIndex() != first + 1) {
      return;
    }
    switch (command.get().argument()) {
      case FILE -> files.complete(reader, line, candidates);
      case TABLE -> {
        boolean lower = lowerCase(line.prefix());
        for (Catalog.Table table : catalog().tables()) {
          candidates.add(candidate(name(table.name(), lower), "tables", table.type(), true));
        }
      }
      case CHOICE -> command.get().choices()
          .forEach(choice -> candidates.add(candidate(choice, null, null, true)));
      case NONE -> { }
    }
  }

  /** The catalog, re-read when DDL or {@code \connect} may have changed it, or it is old. */
  private Catalog catalog() {
    long now = System.nanoTime();
    if (catalogVersion != session.catalogVersion() || now - loadedAt > MAX_AGE_NANOS) {
      catalogVersion = session.catalogVersion();
      loadedAt = now;
      try {
        catalog = Catalog.load(session.connection());
      } catch (SQLException e) {
        // Completion is a convenience: with the catalog unreadable it offers keywords only.
        catalog = Catalog.EMPTY;
      }
    }
    return catalog;
  }

  /** How {@code name} is typed: quoted if it needs it, else in the user's case. */
  private static String name(String name, boolean lower) {
    if (!PLAIN.matcher(name).matches()) {
      return '"' + name.replace("\"", "\"\"") + '"';
    }
    return style(name, lower);
  }

  /** Whether the user typed {@code prefix} in lower case: some lower-case letter, no capital. */
  private static boolean lowerCase(String prefix) {
    return !prefix.equals(prefix.toUpperCase(Locale.ROOT))
        && prefix.equals(prefix.toLowerCase(Locale.ROOT));
  }

  private static String style(String word, boolean lower) {
    return lower ? word.toLowerCase(Locale.ROOT) : word;
  }

  private static Candidate candidate(String value, String group, String description,
      boolean complete) {
    return new Candidate(value, value, group, description, null, null, complete);
  }
}
