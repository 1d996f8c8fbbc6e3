package dev.azimuth.planner.rel;

import dev.azimuth.sql.fusion.FusionFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans a call to a fusion table function ({@code RRF}, {@code WEIGHTED_FUSION}) as an
 * {@link AzimuthFusion} over its inputs. Each input is narrowed to its key and score and asked
 * for in its own order (so the fusion reads ranks from the row order, and a projection above
 * a search keeps it); apart from that every input is planned as any query is, with its own
 * vector search, index and filter.
 */
final class FusionRule extends RelRule<RuleConfig> {
  static final RuleConfig CONFIG = RuleConfig.of("FusionRule",
      b -> b.operand(LogicalTableFunctionScan.class).predicate(FusionRule::isFusion)
          .anyInputs(),
      FusionRule::new);

  private FusionRule(RuleConfig config) {
    super(config);
  }

  private static boolean isFusion(LogicalTableFunctionScan scan) {
    return scan.getCall() instanceof RexCall call
        && call.getOperator() instanceof FusionFunction;
  }

  @Override public void onMatch(RelOptRuleCall call) {
    LogicalTableFunctionScan scan = call.rel(0);
    FusionSpec spec = FusionSpec.of((RexCall) scan.getCall());
    RelOptCluster cluster = scan.getCluster();
    List<RelNode> inputs = new ArrayList<>();
    for (int i = 0; i < scan.getInputs().size(); i++) {
      FusionSpec.Input input = spec.inputs().get(i);
      RelBuilder b = call.builder().push(scan.getInput(i));
      RelNode keyAndScore = b.project(List.of(b.field(0), b.field(input.scoreField())),
          List.of("KEY", "SCORE"), true).build();
      RelFieldCollation order = input.order().withFieldIndex(1);
      inputs.add(convert(keyAndScore, cluster.traitSetOf(EnumerableConvention.INSTANCE)
          .replace(RelCollations.of(order))));
    }
    call.transformTo(new AzimuthFusion(cluster,
        cluster.traitSetOf(EnumerableConvention.INSTANCE).replace(AzimuthFusion.COLLATION),
        inputs, spec, scan.getRowType()));
  }
}
