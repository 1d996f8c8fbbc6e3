package dev.azimuth.planner.rel;

import dev.azimuth.planner.fusion.ScoreNormalization;
import dev.azimuth.sql.fusion.FusionArguments;
import dev.azimuth.sql.fusion.FusionFunction;
import dev.azimuth.sql.fusion.RankedInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a fusion computes, decided when its SQL is converted to relational algebra (where the
 * inputs' ORDER BY expressions are still visible) and carried to {@link FusionRule} as the
 * literal operands of the table function's call, so that two different fusions never share
 * a digest.
 *
 * @param function RRF or WEIGHTED_FUSION
 * @param k        RRF's constant; 0 for weighted fusion
 * @param weights  one per input for weighted fusion; null for RRF
 * @param inputs   how each input is ordered, in input order
 */
public record FusionSpec(FusionFunction function, int k, double @Nullable [] weights,
    List<Input> inputs) {
  /**
   * One input: the column holding its ORDER BY key, that order, and how weighted fusion
   * normalises the key's values (null when the key is not a distance or BM25 score).
   */
  public record Input(int scoreField, RelFieldCollation order,
      @Nullable ScoreNormalization normalization) {}

  /** The spec of a validated call to a fusion function. */
  public static FusionSpec of(SqlValidator validator, SqlCall call) {
    FusionFunction function = (FusionFunction) call.getOperator();
    FusionArguments arguments = function.arguments(call);
    List<Input> inputs = new ArrayList<>();
    for (RankedInput ranked : function.inputs(validator, call)) {
      RelFieldCollation order = new RelFieldCollation(ranked.scoreField(),
          ranked.descending() ? RelFieldCollation.Direction.DESCENDING
              : RelFieldCollation.Direction.ASCENDING,
          ranked.nullsFirst() ? RelFieldCollation.NullDirection.FIRST
              : RelFieldCollation.NullDirection.LAST);
      inputs.add(new Input(ranked.scoreField(), order, ranked.rankedBy() == null ? null
          : ScoreNormalization.valueOf(ranked.rankedBy())));
    }
    return new FusionSpec(function, arguments.k(), arguments.weights(), inputs);
  }

  /**
   * The call standing for this spec in a {@code TableFunctionScan}: the number of inputs, k,
   * the weights (weighted fusion only), then per input its score column, direction, null
   * direction and normalization (or NULL).
   */
  public RexNode toCall(RexBuilder rex) {
    RelDataTypeFactory types = rex.getTypeFactory();
    List<RexNode> operands = new ArrayList<>();
    operands.add(rex.makeExactLiteral(BigDecimal.valueOf(inputs.size())));
    operands.add(rex.makeExactLiteral(BigDecimal.valueOf(k)));
    if (weights != null) {
      for (double w : weights) {
        operands.add(rex.makeApproxLiteral(BigDecimal.valueOf(w)));
      }
    }
    for (Input input : inputs) {
      operands.add(rex.makeExactLiteral(BigDecimal.valueOf(input.scoreField())));
      operands.add(rex.makeLiteral(input.order().direction.shortString));
      operands.add(rex.makeLiteral(input.order().nullDirection.name()));
      operands.add(input.normalization() == null
          ? rex.makeNullLiteral(types.createSqlType(SqlTypeName.VARCHAR))
          : rex.makeLiteral(input.normalization().name()));
    }
    return rex.makeCall(types.createSqlType(SqlTypeName.CURSOR), function, operands);
  }

  /** The spec {@link #toCall} encoded. */
  public static FusionSpec of(RexCall call) {
    FusionFunction function = (FusionFunction) call.getOperator();
    List<RexNode> operands = call.getOperands();
    int n = intAt(operands, 0);
    int k = intAt(operands, 1);
    int at = 2;
    double[] weights = null;
    if (function.method() == FusionFunction.Method.WEIGHTED) {
      weights = new double[n];
      for (int i = 0; i < n; i++) {
        weights[i] = ((RexLiteral) operands.get(at++)).getValueAs(Double.class);
      }
    }
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int field = intAt(operands, at++);
      String direction = stringAt(operands, at++);
      String nulls = stringAt(operands, at++);
      String normalization = stringAt(operands, at++);
      inputs.add(new Input(field, new RelFieldCollation(field,
          direction.equals("DESC") ? RelFieldCollation.Direction.DESCENDING
              : RelFieldCollation.Direction.ASCENDING,
          RelFieldCollation.NullDirection.valueOf(nulls)),
          normalization == null ? null : ScoreNormalization.valueOf(normalization)));
    }
    return new FusionSpec(function, k, weights, inputs);
  }

  private static int intAt(List<RexNode> operands, int i) {
    return ((RexLiteral) operands.get(i)).getValueAs(Integer.class);
  }

  private static @Nullable String stringAt(List<RexNode> operands, int i) {
    return ((RexLiteral) operands.get(i)).getValueAs(String.class);
  }

  @Override public String toString() {
    return function.getName() + (weights == null ? "(k=" + k : "(weights="
        + Arrays.toString(weights)) + ", " + inputs + ")";
  }
}
