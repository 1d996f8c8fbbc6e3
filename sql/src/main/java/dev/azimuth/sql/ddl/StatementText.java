package dev.azimuth.sql.ddl;

import org.apache.calcite.sql.parser.SqlParserPos;

/** Cuts parts out of a statement's text by the positions its parse tree records. Stateless. */
final class StatementText {
  private StatementText() {}

  /**
   * The text after a token, to the statement's end, without surrounding space or a final
   * semicolon: the query of {@code CREATE VIEW v AS query} or {@code CREATE TABLE t AS query}.
   *
   * @param statement the text as the parser read it (positions refer to it)
   */
  static String after(String statement, SqlParserPos token) {
    int at = 0;
    for (int l = 1; l < token.getEndLineNum(); l++) {
      at = statement.indexOf('\n', at) + 1;
    }
    String text = statement.substring(at + token.getEndColumnNum()).strip();
    return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
  }
}
