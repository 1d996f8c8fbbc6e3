package dev.azimuth.shell;

import java.util.Locale;
import java.util.Set;

/**
 * The one-line summary of a statement without a result set: {@code INSERT 3}, {@code UPDATE 1},
 * {@code DELETE 0} for data changes, {@code COPY 1000} for COPY, {@code OK} for everything
 * else (DDL and the like, whose update count means nothing).
 */
public final class UpdateSummary {
  /** Verbs whose update count is a row count worth showing. */
  private static final Set<String> COUNTED = Set.of("INSERT", "UPSERT", "UPDATE", "DELETE", "MERGE",
      "COPY");

  private UpdateSummary() {}

  /** Summarises {@code sql}, which reported {@code updateCount}. */
  public static String of(String sql, long updateCount) {
    String verb = firstWord(sql);
    if (COUNTED.contains(verb) && updateCount >= 0) {
      return verb + " " + updateCount;
    }
    // psql's command tags for transaction control.
    return switch (verb) {
      case "BEGIN", "COMMIT", "SAVEPOINT", "RELEASE" -> verb;
      case "START" -> "START TRANSACTION";
      case "END" -> "COMMIT";
      case "ROLLBACK" -> "ROLLBACK";
      default -> "OK";
    };
  }

  /**
   * Whether a transaction block is open after {@code sql} ran ({@code succeeded} or not),
   * given whether one was open before: BEGIN and START TRANSACTION open one; COMMIT, END and
   * ROLLBACK (not ROLLBACK TO) end it, also when they fail (a failed commit rolls back).
   */
  public static boolean inTransactionAfter(String sql, boolean succeeded, boolean before) {
    String verb = firstWord(sql);
    return switch (verb) {
      case "BEGIN", "START" -> succeeded || before;
      case "COMMIT", "END" -> false;
      case "ROLLBACK" -> before && secondWord(sql).equals("TO");
      default -> before;
    };
  }

  private static String secondWord(String sql) {
    String[] words = sql.strip().split("\\s+");
    for (int i = 1; i < words.length; i++) {
      String w = words[i].toUpperCase(Locale.ROOT);
      if (!w.equals("WORK") && !w.equals("TRANSACTION")) {
        return w;
      }
    }
    return "";
  }

  /** The statement's first keyword, upper-cased, after whitespace and comments; empty if none. */
  static String firstWord(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else if (sql.startsWith("--", i)) {
        while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
          i++;
        }
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }
}
