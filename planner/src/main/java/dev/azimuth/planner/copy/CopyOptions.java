package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.sql.ddl.SqlCopy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The checked {@code WITH (...)} options of one COPY statement.
 *
 * @param format     the file's format (FORMAT, or from the file name)
 * @param header     CSV: the first line names the columns (FROM) / is written (TO)
 * @param delimiter  CSV: the field separator
 * @param quote      CSV: the quote character
 * @param nullText   CSV: the text of a NULL; null means an unquoted empty field
 * @param batchRows  FROM: rows committed together; 0 for the table's segment size
 * @param skipRows   FROM: data rows skipped at the start of the file (to resume a load)
 * @param keyOffset  FROM fvecs/npy: the key of the first vector when keys are generated
 * @param keysPath   FROM fvecs/npy: a file of keys, one per vector, or null to generate them
 */
public record CopyOptions(CopyFormat format, boolean header, char delimiter, char quote,
    @Nullable String nullText, int batchRows, long skipRows, long keyOffset,
    @Nullable String keysPath) {
  private static final int MAX_BATCH_ROWS = 10_000_000;

  private static final Set<String> FROM_OPTIONS = Set.of("format", "header", "delimiter",
      "quote", "null", "batch_rows", "skip_rows", "key_offset", "keys");
  private static final Set<String> TO_OPTIONS = Set.of("format", "header", "delimiter",
      "quote", "null");
  private static final Set<String> CSV_ONLY = Set.of("header", "delimiter", "quote", "null");
  private static final Set<String> VECTORS_ONLY = Set.of("key_offset", "keys");

  /**
   * Checks the options of a COPY.
   *
   * @param from whether it is COPY ... FROM
   * @throws PlanningException 42704 for an unknown option, 22023 for a bad value or an option
   *     that does not apply to the format
   */
  public static CopyOptions of(List<SqlCopy.Option> options, String path, boolean from) {
    CopyFormat format = null;
    for (SqlCopy.Option o : options) {
      Set<String> known = from ? FROM_OPTIONS : TO_OPTIONS;
      if (!known.contains(o.name())) {
        throw new PlanningException(ErrorCode.UNDEFINED_OBJECT, "unknown COPY "
            + (from ? "FROM" : "TO") + " option " + o.name() + "; options are "
            + String.join(", ", known.stream().sorted().toList()));
      }
      if (o.name().equals("format")) {
        format = CopyFormat.named(text(o));
      }
    }
    if (format == null) {
      format = CopyFormat.ofPath(path);
    }
    format.requireDirection(from);
    boolean header = false;
    char delimiter = ',';
    char quote = '"';
    String nullText = null;
    int batchRows = 0;
    long skipRows = 0;
    long keyOffset = 0;
    String keysPath = null;
    for (SqlCopy.Option o : options) {
      if (CSV_ONLY.contains(o.name()) && format != CopyFormat.CSV
          || VECTORS_ONLY.contains(o.name()) && !format.vectorsOnly()) {
        throw bad("option " + o.name() + " does not apply to FORMAT "
            + format.name().toLowerCase(Locale.ROOT));
      }
      switch (o.name()) {
        case "header" -> header = bool(o);
        case "delimiter" -> delimiter = character(o);
        case "quote" -> quote = character(o);
        case "null" -> nullText = text(o);
        case "batch_rows" -> batchRows = (int) integer(o, 1, MAX_BATCH_ROWS);
        case "skip_rows" -> skipRows = integer(o, 0, Long.MAX_VALUE);
        case "key_offset" -> keyOffset = integer(o, Long.MIN_VALUE, Long.MAX_VALUE);
        case "keys" -> keysPath = text(o);
        default -> { }
      }
    }
    if (delimiter == quote || delimiter == '\n' || delimiter == '\r') {
      throw bad("the CSV delimiter must differ from the quote and from line breaks");
    }
    if (keysPath != null && options.stream().anyMatch(o -> o.name().equals("key_offset"))) {
      throw bad("options keys and key_offset exclude each other: keys come from the file, "
          + "or are generated from key_offset");
    }
    return new CopyOptions(format, header, delimiter, quote, nullText, batchRows, skipRows,
        keyOffset, keysPath);
  }

  private static String text(SqlCopy.Option o) {
    if (o.value() instanceof String s) {
      return s;
    }
    throw bad("option " + o.name() + " takes a string, not " + o.value());
  }

  private static boolean bool(SqlCopy.Option o) {
    return switch (o.value()) {
      case Boolean b -> b;
      case String s when s.equalsIgnoreCase("true") || s.equalsIgnoreCase("on") -> true;
      case String s when s.equalsIgnoreCase("false") || s.equalsIgnoreCase("off") -> false;
      default -> throw bad("option " + o.name() + " takes TRUE or FALSE, not " + o.value());
    };
  }

  private static char character(SqlCopy.Option o) {
    String s = text(o);
    if (s.equals("\\t")) {
      return '\t';
    }
    if (s.length() != 1) {
      throw bad("option " + o.name() + " takes a single character, not '" + s + "'");
    }
    return s.charAt(0);
  }

  private static long integer(SqlCopy.Option o, long min, long max) {
    if (o.value() instanceof BigDecimal d) {
      try {
        long v = d.longValueExact();
        if (v >= min && v <= max) {
          return v;
        }
      } catch (ArithmeticException e) {
        // Reported below.
      }
    }
    throw bad("option " + o.name() + " takes an integer"
        + (min == 0 ? " of at least 0" : min == 1 ? " from 1 to " + max : "") + ", not "
        + o.value());
  }

  private static PlanningException bad(String message) {
    return new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, message);
  }
}
