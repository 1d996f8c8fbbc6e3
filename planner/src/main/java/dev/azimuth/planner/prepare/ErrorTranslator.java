package dev.azimuth.planner.prepare;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;

/**
 * Turns whatever a statement threw into an {@link AzimuthException} with a condition and a
 * message a person understands. Calcite's validator reports its errors as text only, so this is
 * the one place that reads that text. Stateless.
 */
public final class ErrorTranslator {
  /** A Calcite validator message shape, its condition, and how to say it. */
  private record Rule(Pattern pattern, ErrorCode code, String template) {}

  private static final List<Rule> RULES = List.of(
      rule("Object '([^']*)' not found within '([^']*)'", ErrorCode.UNDEFINED_TABLE,
          "table $1 does not exist in schema $2"),
      rule("Object '([^']*)' not found", ErrorCode.UNDEFINED_TABLE, "table $1 does not exist"),
      rule("Table '([^']*)' not found", ErrorCode.UNDEFINED_TABLE, "table $1 does not exist"),
      rule("Column '([^']*)' not found in table '([^']*)'", ErrorCode.UNDEFINED_COLUMN,
          "column $1 does not exist in table $2"),
      rule("Column '([^']*)' not found in any table", ErrorCode.UNDEFINED_COLUMN,
          "column $1 does not exist"),
      rule("Unknown target column '([^']*)'", ErrorCode.UNDEFINED_COLUMN,
          "column $1 does not exist in the target table"),
      rule("Column '([^']*)' has no default value and does not allow NULLs",
          ErrorCode.NOT_NULL_VIOLATION, "null value in column $1 violates its NOT NULL constraint"),
      rule("Column '([^']*)' is ambiguous", ErrorCode.AMBIGUOUS_COLUMN,
          "column reference $1 is ambiguous"),
      rule("No match found for function signature (.*)", ErrorCode.UNDEFINED_FUNCTION,
          "function $1 does not exist"),
      rule("Cannot apply '([^']*)' to arguments of type (.*)\\. Supported form.*",
          ErrorCode.UNDEFINED_FUNCTION, "operator $1 cannot take arguments of type $2"),
      rule("Invalid number of arguments to function '([^']*)'\\. Was expecting (\\d+) "
          + "arguments", ErrorCode.UNDEFINED_FUNCTION, "function $1 takes $2 arguments"),
      rule("Cannot assign to target field '([^']*)' of type (.*) from source field '[^']*' "
          + "of type (.*)", ErrorCode.DATATYPE_MISMATCH,
          "column $1 is $2 and cannot take a value of type $3"));

  private ErrorTranslator() {}

  private static Rule rule(String regex, ErrorCode code, String template) {
    return new Rule(Pattern.compile(regex, Pattern.DOTALL), code, template);
  }

  public static AzimuthException translate(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof AzimuthException a) {
        return a;
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CalciteContextException ctx) {
        return validation(ctx);
      }
      if (c instanceof RelOptPlanner.CannotPlanException) {
        return new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
            "Azimuth cannot run this statement yet (no plan implements it)", c);
      }
      if (c instanceof ArithmeticException) {
        String m = String.valueOf(c.getMessage());
        return m.contains("by zero")
            ? new PlanningException(ErrorCode.DIVISION_BY_ZERO, "division by zero", c)
            : new PlanningException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, m, c);
      }
      if (c instanceof NumberFormatException) {
        String m = String.valueOf(c.getMessage()).replace("For input string: ", "");
        return new PlanningException(ErrorCode.INVALID_TEXT_REPRESENTATION,
            "invalid number " + m, c);
      }
      if (c instanceof CalciteException) {
        return new PlanningException(ErrorCode.DATA_EXCEPTION, c.getMessage(), c);
      }
    }
    return new PlanningException(ErrorCode.INTERNAL_ERROR,
        "internal error: " + t.getClass().getSimpleName()
            + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage())), t);
  }

  /** A message's first line, at most 200 characters: no generated code reaches a client. */
  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  private static AzimuthException validation(CalciteContextException e) {
    String message = e.getCause() != null && e.getCause().getMessage() != null
        ? e.getCause().getMessage() : String.valueOf(e.getMessage());
    String where = e.getPosLine() > 0
        ? " (at line " + e.getPosLine() + ", column " + e.getPosColumn() + ")" : "";
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(message);
      if (m.matches()) {
        return new PlanningException(r.code(), m.replaceFirst(r.template()) + where, e);
      }
    }
    return new PlanningException(ErrorCode.INVALID_STATEMENT, message + where, e);
  }
}
