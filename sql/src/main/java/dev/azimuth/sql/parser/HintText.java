package dev.azimuth.sql.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets hints take numbers as values: {@code /*+ ANN(ef_search=200) *}{@code /}. Calcite's hint
 * grammar accepts only strings and identifiers after {@code =}, and its productions cannot be
 * overridden without forking Parser.jj, so inside hint comments (and nowhere else) a bare number
 * after {@code =} is quoted before parsing. Stateless.
 */
final class HintText {
  private static final Pattern HINT = Pattern.compile("/\\*\\+(.*?)\\*/", Pattern.DOTALL);
  private static final Pattern NUMBER_VALUE =
      Pattern.compile("=\\s*([-+]?\\d+(?:\\.\\d+)?)(?=\\s*[,)])");

  private HintText() {}

  static String quoteNumbers(String sql) {
    if (!sql.contains("/*+")) {
      return sql;
    }
    Matcher hints = HINT.matcher(sql);
    StringBuilder out = new StringBuilder(sql.length() + 8);
    while (hints.find()) {
      String body = NUMBER_VALUE.matcher(hints.group(1)).replaceAll("='$1'");
      hints.appendReplacement(out, Matcher.quoteReplacement("/*+" + body + "*/"));
    }
    hints.appendTail(out);
    return out.toString();
  }
}
