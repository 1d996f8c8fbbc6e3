package dev.azimuth.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at {@code ;}, ignoring semicolons inside single-quoted strings
 * (with {@code ''} escapes), double-quoted identifiers, {@code --} line comments and
 * {@code /* *}{@code /} block comments. Stateless and thread-safe.
 */
public final class StatementSplitter {
  private StatementSplitter() {}

  /**
   * What splitting found.
   *
   * @param statements the complete statements, in order, trimmed and without their {@code ;};
   *                   pieces holding only whitespace and comments are dropped
   * @param remainder  the text after the last {@code ;} if it holds code or an unclosed quote or
   *                   comment (so more input may complete it), else empty
   */
  public record Result(List<String> statements, String remainder) {
    public Result {
      statements = List.copyOf(statements);
    }

    /** The statements plus the remainder: what a whole script means when nothing more follows. */
    public List<String> all() {
      if (remainder.isEmpty()) {
        return statements;
      }
      List<String> all = new ArrayList<>(statements);
      all.add(remainder.strip());
      return List.copyOf(all);
    }
  }

  /** Splits {@code text}; see {@link Result} for what comes back. */
  public static Result split(CharSequence text) {
    List<String> statements = new ArrayList<>();
    int n = text.length();
    int start = 0;
    boolean code = false;
    boolean open = false;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : '\0';
      if (c == '\'' || c == '"') {
        code = true;
        int close = closingQuote(text, i);
        open = close < 0;
        i = open ? n : close + 1;
      } else if (c == '-' && next == '-') {
        i = endOfLine(text, i + 2);
      } else if (c == '/' && next == '*') {
        int close = blockCommentEnd(text, i + 2);
        open = close < 0;
        i = open ? n : close + 2;
      } else if (c == ';') {
        if (code) {
          statements.add(text.subSequence(start, i).toString().strip());
        }
        start = i + 1;
        code = false;
        i++;
      } else {
        code |= !Character.isWhitespace(c);
        i++;
      }
    }
    // An open block comment keeps the remainder even without code, so a caller that appends the
    // next line (the prompt) sees the comment close instead of re-reading "*/" as code.
    String remainder = code || open ? text.subSequence(start, n).toString().stripLeading() : "";
    return new Result(statements, remainder);
  }

  /** Index of the quote closing the one at {@code from}, skipping doubled quotes; -1 if none. */
  private static int closingQuote(CharSequence text, int from) {
    char quote = text.charAt(from);
    int i = from + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  private static int endOfLine(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** Index of the {@code *}{@code /} closing a block comment, searching from {@code from}; -1 if none. */
  private static int blockCommentEnd(CharSequence text, int from) {
    for (int i = from; i + 1 < text.length(); i++) {
      if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
        return i;
      }
    }
    return -1;
  }
}
