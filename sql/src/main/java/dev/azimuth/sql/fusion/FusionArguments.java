package dev.azimuth.sql.fusion;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The arguments of a fusion call, checked: 2 to 10 ranked inputs given as
 * {@code CURSOR(SELECT ... ORDER BY ... LIMIT n)}, then RRF's optional {@code k} (a positive
 * integer, by position or as {@code k => 60}) or WEIGHTED_FUSION's weights (an
 * {@code ARRAY[...]} of non-negative numbers, one per input, by position or as
 * {@code weights => ARRAY[...]}).
 *
 * @param inputs  each input's query
 * @param k       RRF's constant ({@link #DEFAULT_K} unless given); 0 for weighted fusion
 * @param weights one per input for weighted fusion; null for RRF
 */
public record FusionArguments(List<SqlSelect> inputs, int k, double @Nullable [] weights) {
  /** RRF's k when the call gives none, as in the original paper and most engines. */
  public static final int DEFAULT_K = 60;
  public static final int MIN_INPUTS = 2;
  public static final int MAX_INPUTS = 10;

  /**
   * Reads and checks the arguments of {@code call}, a call to {@code function}, replacing named
   * arguments ({@code k => 60}) by their values in the call.
   *
   * @throws SqlValidationException 42601 for a malformed call, 22023 for a bad k or weight
   */
  static FusionArguments of(FusionFunction function, SqlCall call) {
    String name = function.getName();
    List<SqlSelect> inputs = new ArrayList<>();
    List<SqlNode> rest = new ArrayList<>();
    for (int i = 0; i < call.operandCount(); i++) {
      SqlNode operand = call.operand(i);
      if (operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
        operand = named(function, (SqlCall) operand);
        call.setOperand(i, operand);
      }
      if (operand.getKind() != SqlKind.CURSOR) {
        rest.add(operand);
        continue;
      }
      if (!rest.isEmpty()) {
        throw syntax(name + "'s ranked inputs come first, its other arguments after them",
            operand);
      }
      inputs.add(rankedQuery(name, inputs.size() + 1, (SqlCall) operand));
    }
    if (inputs.size() < MIN_INPUTS || inputs.size() > MAX_INPUTS) {
      throw syntax(name + " fuses " + MIN_INPUTS + " to " + MAX_INPUTS + " ranked inputs, "
          + "each written CURSOR(SELECT ... ORDER BY ... LIMIT n); got " + inputs.size(), call);
    }
    if (function.method() == FusionFunction.Method.RRF) {
      if (rest.size() > 1) {
        throw syntax("RRF takes its ranked inputs and an optional k, e.g. RRF(CURSOR(...), "
            + "CURSOR(...), 60)", rest.get(1));
      }
      return new FusionArguments(inputs, rest.isEmpty() ? DEFAULT_K : k(rest.get(0)), null);
    }
    if (rest.size() != 1) {
      throw syntax(name + " takes its ranked inputs and then their weights, e.g. " + name
          + "(CURSOR(...), CURSOR(...), ARRAY[0.7, 0.3])", rest.isEmpty() ? call : rest.get(1));
    }
    return new FusionArguments(inputs, 0, weights(name, rest.get(0), inputs.size()));
  }

  private static SqlNode named(FusionFunction function, SqlCall assignment) {
    String argument = ((SqlIdentifier) assignment.operand(1)).getSimple();
    String expected = function.method() == FusionFunction.Method.RRF ? "K" : "WEIGHTS";
    if (!argument.toUpperCase(Locale.ROOT).equals(expected)) {
      throw syntax(function.getName() + " has no argument named " + argument + "; its named "
          + "argument is " + expected.toLowerCase(Locale.ROOT), assignment);
    }
    return assignment.operand(0);
  }

  private static SqlSelect rankedQuery(String function, int ordinal, SqlCall cursor) {
    SqlNode query = cursor.operand(0);
    if (!(query instanceof SqlSelect select) || select.getOrderList() == null
        || select.getOrderList().isEmpty() || select.getFetch() == null) {
      throw syntax("input " + ordinal + " of " + function + " must be a ranked query: "
          + "SELECT ... ORDER BY ... LIMIT n", query);
    }
    return select;
  }

  private static int k(SqlNode node) {
    BigDecimal value = number(node);
    if (value == null) {
      throw syntax("RRF's k must be an integer literal, e.g. 60", node);
    }
    if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
        || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new SqlValidationException(ErrorCode.INVALID_PARAMETER_VALUE,
          "RRF's k must be a positive integer, got " + value.toPlainString(),
          node.getParserPosition());
    }
    return value.intValueExact();
  }

  private static double[] weights(String function, SqlNode node, int inputs) {
    if (node.getKind() != SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
      throw syntax(function + "'s weights must be an ARRAY of numbers, e.g. ARRAY[0.7, 0.3]",
          node);
    }
    SqlCall array = (SqlCall) node;
    if (array.operandCount() != inputs) {
      throw new SqlValidationException(ErrorCode.INVALID_PARAMETER_VALUE, function + " has "
          + inputs + " inputs but " + array.operandCount() + " weights; give one weight per "
          + "input", node.getParserPosition());
    }
    double[] weights = new double[inputs];
    boolean positive = false;
    for (int i = 0; i < inputs; i++) {
      BigDecimal w = number(array.operand(i));
      if (w == null) {
        throw syntax(function + "'s weights must be number literals", array.operand(i));
      }
      if (w.signum() < 0) {
        throw new SqlValidationException(ErrorCode.INVALID_PARAMETER_VALUE, function
            + "'s weights must not be negative, got " + w.toPlainString(),
            array.operand(i).getParserPosition());
      }
      weights[i] = w.doubleValue();
      positive |= weights[i] > 0;
    }
    if (!positive) {
      throw new SqlValidationException(ErrorCode.INVALID_PARAMETER_VALUE,
          function + "'s weights must not all be zero", node.getParserPosition());
    }
    return weights;
  }

  /** The value of a number literal, possibly negated; null for anything else. */
  private static @Nullable BigDecimal number(SqlNode node) {
    if (node instanceof SqlNumericLiteral literal) {
      return literal.bigDecimalValue();
    }
    if (node.getKind() == SqlKind.MINUS_PREFIX) {
      BigDecimal inner = number(((SqlCall) node).operand(0));
      return inner == null ? null : inner.negate();
    }
    if (node.getKind() == SqlKind.PLUS_PREFIX) {
      return number(((SqlCall) node).operand(0));
    }
    return null;
  }

  private static SqlValidationException syntax(String message, SqlNode at) {
    return new SqlValidationException(ErrorCode.SYNTAX_ERROR, message, at.getParserPosition());
  }
}
