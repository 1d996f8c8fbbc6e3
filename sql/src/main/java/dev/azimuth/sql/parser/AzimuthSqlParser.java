package dev.azimuth.sql.parser;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.parser.impl.AzimuthSqlParserImpl;
import dev.azimuth.sql.validate.AzimuthConformance;
import java.util.Collection;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Entry point to Azimuth's grammar. Identifiers follow the SQL standard: unquoted names are
 * upper-cased ({@code docs} is {@code DOCS}), double-quoted names keep their case, and lookups
 * ignore case. Stateless and thread-safe.
 */
public final class AzimuthSqlParser {
  /** Parser settings shared by every statement. */
  public static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(AzimuthSqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_UPPER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withConformance(AzimuthConformance.INSTANCE);

  private static final int MAX_EXPECTED_SHOWN = 8;

  private AzimuthSqlParser() {}

  /** Parses one statement. */
  public static SqlNode parse(String sql) {
    try {
      return SqlParser.create(HintText.quoteNumbers(sql), CONFIG).parseStmt();
    } catch (SqlParseException e) {
      throw syntaxError(e);
    }
  }

  /**
   * The text the parser reads for a statement (hint arguments quoted), to which the positions
   * in its parse tree refer.
   */
  public static String parsedText(String sql) {
    return HintText.quoteNumbers(sql);
  }

  /** Parses statements separated by semicolons. */
  public static SqlNodeList parseList(String sql) {
    try {
      return SqlParser.create(HintText.quoteNumbers(sql), CONFIG).parseStmtList();
    } catch (SqlParseException e) {
      throw syntaxError(e);
    }
  }

  // Calcite's own message lists every token the grammar would take, often a hundred of them;
  // people need the position and what was found, and the list only when it is short.
  private static SqlValidationException syntaxError(SqlParseException e) {
    String message = e.getMessage() == null ? "syntax error" : e.getMessage();
    String firstLine = message.lines().findFirst().orElse(message).strip();
    int cut = firstLine.indexOf(" at line ");
    String what = cut > 0 ? firstLine.substring(0, cut) : firstLine;
    if (what.endsWith(".")) {
      what = what.substring(0, what.length() - 1);
    }
    StringBuilder b = new StringBuilder("syntax error: ").append(what);
    Collection<String> expected = e.getExpectedTokenNames();
    if (expected != null && !expected.isEmpty() && expected.size() <= MAX_EXPECTED_SHOWN) {
      b.append("; expected one of ").append(String.join(", ", List.copyOf(expected)));
    }
    return new SqlValidationException(ErrorCode.SYNTAX_ERROR, b.toString(), e.getPos());
  }
}
