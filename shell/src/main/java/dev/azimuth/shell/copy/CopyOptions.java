package dev.azimuth.shell.copy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checked WITH options of a {@code \copy}: COPY's options, with the same names, defaults
 * and meaning, except that BATCH_ROWS defaults to {@value #DEFAULT_BATCH_ROWS} (rows travel as
 * prepared INSERT batches, not as sealed segments) and KEYS names a client-side file.
 *
 * @param format    the file's format
 * @param header    CSV: the first line names the columns (FROM) / is written (TO)
 * @param delimiter CSV field separator
 * @param quote     CSV quote character
 * @param nullText  CSV text of NULL, or null for an unquoted empty field
 * @param batchRows FROM: rows per {@code executeBatch}, each batch one atomic commit
 * @param skipRows  FROM: data rows skipped first, to resume a load
 * @param keyOffset FROM fvecs/npy: the key of the first vector when keys are generated
 * @param keys      FROM fvecs/npy: a client-side file of keys, or null to generate them
 */
record CopyOptions(FileFormat format, boolean header, char delimiter, char quote,
    String nullText, int batchRows, long skipRows, long keyOffset, Path keys) {
  /** Rows per batch unless BATCH_ROWS says otherwise. */
  static final int DEFAULT_BATCH_ROWS = 5_000;
  private static final int MAX_BATCH_ROWS = 1_000_000;
  private static final Set<String> FROM = Set.of("format", "header", "delimiter", "quote", "null",
      "batch_rows", "skip_rows", "key_offset", "keys");
  private static final Set<String> TO = Set.of("format", "header", "delimiter", "quote", "null");
  private static final Set<String> CSV_ONLY = Set.of("header", "delimiter", "quote", "null");
  private static final Set<String> VECTORS_ONLY = Set.of("key_offset", "keys");

  /**
   * Checks the options of {@code spec}.
   *
   * @throws SQLException 42704 unknown option, 22023 bad value or not for this format
   */
  static CopyOptions of(CopySpec spec) throws SQLException {
    Map<String, String> raw = spec.options();
    Set<String> known = spec.from() ? FROM : TO;
    for (String name : raw.keySet()) {
      if (!known.contains(name)) {
        throw new SQLException("unknown \\copy " + (spec.from() ? "FROM" : "TO") + " option "
            + name + "; options are " + String.join(", ", new TreeSet<>(known)), "42704");
      }
    }
    FileFormat format = raw.containsKey("format") ? FileFormat.named(raw.get("format"))
        : FileFormat.of(spec.path());
    format.requireDirection(spec.from());
    for (String name : raw.keySet()) {
      if (CSV_ONLY.contains(name) && format != FileFormat.CSV
          || VECTORS_ONLY.contains(name) && !format.vectorsOnly()) {
        throw bad("option " + name + " does not apply to FORMAT " + format.lowerName());
      }
    }
    if (raw.containsKey("keys") && raw.containsKey("key_offset")) {
      throw bad("options keys and key_offset exclude each other");
    }
    char delimiter = character(raw, "delimiter", ',');
    char quote = character(raw, "quote", '"');
    if (delimiter == quote || delimiter == '\n' || delimiter == '\r') {
      throw bad("the CSV delimiter must differ from the quote and from line breaks");
    }
    String keys = raw.get("keys");
    return new CopyOptions(format, bool(raw, "header"), delimiter, quote, raw.get("null"),
        (int) integer(raw, "batch_rows", DEFAULT_BATCH_ROWS, 1, MAX_BATCH_ROWS),
        integer(raw, "skip_rows", 0, 0, Long.MAX_VALUE),
        integer(raw, "key_offset", 0, Long.MIN_VALUE, Long.MAX_VALUE),
        keys == null ? null : Path.of(keys));
  }

  private static boolean bool(Map<String, String> raw, String name) throws SQLException {
    String v = raw.get(name);
    if (v == null) {
      return false;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "on" -> true;
      case "false", "off" -> false;
      default -> throw bad("option " + name + " takes TRUE or FALSE, not " + v);
    };
  }

  private static char character(Map<String, String> raw, String name, char otherwise)
      throws SQLException {
    String v = raw.get(name);
    if (v == null) {
      return otherwise;
    }
    if (v.equals("\\t")) {
      return '\t';
    }
    if (v.length() != 1) {
      throw bad("option " + name + " takes a single character, not '" + v + "'");
    }
    return v.charAt(0);
  }

  private static long integer(Map<String, String> raw, String name, long otherwise, long min,
      long max) throws SQLException {
    String v = raw.get(name);
    if (v == null) {
      return otherwise;
    }
    try {
      long n = Long.parseLong(v.replace("_", ""));
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw bad("option " + name + " takes an integer" + (min == 0 ? " of at least 0"
        : min == 1 ? " from 1 to " + max : "") + ", not " + v);
  }

  private static SQLException bad(String message) {
    return new SQLException(message, "22023");
  }
}
