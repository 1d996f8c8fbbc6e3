package dev.azimuth.shell.copy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code \copy} command asks for, parsed from its argument:
 * {@code table [(columns)] FROM 'file' [WITH (options)]},
 * {@code table [(columns)] TO 'file' [WITH (options)]} or {@code (query) TO 'file' [WITH (...)]}.
 *
 * @param table   the table as typed (quotes kept), or null for a query
 * @param columns the listed columns as typed, empty if none
 * @param query   the query's text, or null for a table
 * @param from    whether rows go from the file into the table
 * @param path    the client-side file ({@code ~/} expanded)
 * @param options the WITH options by lower-case name, in order; values unquoted, and
 *                {@code "true"} for a name alone ({@code HEADER})
 */
public record CopySpec(String table, List<String> columns, String query, boolean from, Path path,
    Map<String, String> options) {
  /** The usage line, for help and errors. */
  public static final String USAGE = "TABLE [(COLUMNS)] FROM|TO 'FILE' | (QUERY) TO 'FILE'"
      + " [WITH (OPTIONS)]";

  /** Copies the lists. */
  public CopySpec {
    columns = List.copyOf(columns);
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    Objects.requireNonNull(path, "path");
  }

  /**
   * Parses the argument of {@code \copy}.
   *
   * @throws SQLException 42601 for text that is not of that form
   */
  public static CopySpec parse(String argument) throws SQLException {
    return new Parser(argument).spec();
  }

  /** A small scanner over the argument; SQL's quoting rules for strings and identifiers. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      String t = text.strip();
      // A habit from SQL: \copy ends at the line's end, and a final ';' means nothing.
      this.text = t.endsWith(";") ? t.substring(0, t.length() - 1) : t;
    }

    CopySpec spec() throws SQLException {
      skipSpace();
      String table = null;
      String query = null;
      List<String> columns = new ArrayList<>();
      if (peek() == '(') {
        query = parenthesised().strip();
        if (query.isEmpty()) {
          throw error("the query in parentheses is empty");
        }
      } else {
        table = identifier();
        skipSpace();
        if (peek() == '(') {
          for (String c : parenthesised().split(",")) {
            if (c.isBlank()) {
              throw error("an empty name in the column list");
            }
            columns.add(c.strip());
          }
        }
      }
      String direction = word().toUpperCase(Locale.ROOT);
      boolean from = direction.equals("FROM");
      if (!from && !direction.equals("TO")) {
        throw error("expected FROM or TO" + (direction.isEmpty() ? "" : ", not " + direction));
      }
      if (from && query != null) {
        throw error("a query can only be copied TO a file");
      }
      String file = path();
      skipSpace();
      Map<String, String> options = new LinkedHashMap<>();
      if (pos < text.length()) {
        int save = pos;
        if (!word().equalsIgnoreCase("WITH")) {
          pos = save;
        }
        skipSpace();
        if (peek() != '(') {
          throw error("expected WITH (OPTIONS) after the file name");
        }
        options(parenthesised(), options);
        skipSpace();
        if (pos < text.length()) {
          throw error("unexpected text after the options: " + text.substring(pos));
        }
      }
      return new CopySpec(table, columns, query, from, expand(file), options);
    }

    private static Path expand(String name) {
      if (name.equals("~") || name.startsWith("~/")) {
        return Path.of(System.getProperty("user.home") + name.substring(1));
      }
      return Path.of(name);
    }

    private void options(String body, Map<String, String> options) throws SQLException {
      for (String part : splitOutsideQuotes(body)) {
        String p = part.strip();
        if (p.isEmpty()) {
          throw error("an empty option in WITH (...)");
        }
        int end = 0;
        while (end < p.length() && (Character.isLetterOrDigit(p.charAt(end))
            || p.charAt(end) == '_')) {
          end++;
        }
        if (end == 0) {
          throw error("expected an option name, not " + p);
        }
        String name = p.substring(0, end).toLowerCase(Locale.ROOT);
        String value = p.substring(end).strip();
        if (value.startsWith("=")) {
          value = value.substring(1).strip();
        }
        if (value.isEmpty()) {
          value = "true";
        } else if (value.startsWith("'")) {
          if (value.length() < 2 || !value.endsWith("'")) {
            throw error("option " + name + ": unterminated string " + value);
          }
          value = value.substring(1, value.length() - 1).replace("''", "'");
        }
        if (options.put(name, value) != null) {
          throw error("option " + name + " is given twice");
        }
      }
    }

    private static List<String> splitOutsideQuotes(String body) {
      List<String> parts = new ArrayList<>();
      boolean quoted = false;
      int start = 0;
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '\'') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          parts.add(body.substring(start, i));
          start = i + 1;
        }
      }
      parts.add(body.substring(start));
      return parts;
    }

    /** A table name: words and double-quoted identifiers joined by dots, quotes kept. */
    private String identifier() throws SQLException {
      int start = pos;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '"') {
          int close = pos + 1;
          while (true) {
            close = text.indexOf('"', close);
            if (close < 0) {
              throw error("unterminated quoted name");
            }
            if (close + 1 < text.length() && text.charAt(close + 1) == '"') {
              close += 2;
              continue;
            }
            break;
          }
          pos = close + 1;
        } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.') {
          pos++;
        } else {
          break;
        }
      }
      if (pos == start) {
        throw error("expected a table name or a (query)");
      }
      return text.substring(start, pos);
    }

    /** The text between a '(' here and its matching ')', skipping quoted parts. */
    private String parenthesised() throws SQLException {
      int open = pos;
      int depth = 0;
      char quote = 0;
      for (int i = pos; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          pos = i + 1;
          return text.substring(open + 1, i);
        }
      }
      throw error("a '(' is never closed");
    }

    private String path() throws SQLException {
      skipSpace();
      if (peek() == '\'') {
        StringBuilder b = new StringBuilder();
        int i = pos + 1;
        while (true) {
          if (i >= text.length()) {
            throw error("unterminated file name");
          }
          char c = text.charAt(i);
          if (c == '\'') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
              b.append('\'');
              i += 2;
              continue;
            }
            pos = i + 1;
            break;
          }
          b.append(c);
          i++;
        }
        if (b.isEmpty()) {
          throw error("the file name is empty");
        }
        return b.toString();
      }
      int start = pos;
      while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      if (pos == start) {
        throw error("expected a file name");
      }
      return text.substring(start, pos);
    }

    private String word() {
      skipSpace();
      int start = pos;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private SQLException error(String message) {
      return new SQLException("\\copy: " + message + "; usage: \\copy " + USAGE, "42601");
    }
  }
}
