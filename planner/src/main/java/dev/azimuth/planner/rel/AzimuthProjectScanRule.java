package dev.azimuth.planner.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Narrows a scan to the columns a projection uses, so unused columns (vectors above all) are
 * never decoded; the projection stays on top, renumbered.
 */
final class AzimuthProjectScanRule extends RelRule<RuleConfig> {
  static final RuleConfig CONFIG = RuleConfig.of("AzimuthProjectScanRule",
      b0 -> b0.operand(LogicalProject.class).oneInput(b1 ->
          b1.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId()).noInputs()),
      AzimuthProjectScanRule::new);

  private AzimuthProjectScanRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    AzimuthTableScan scan = call.rel(1);
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    int[] scanColumns = scan.columns();
    if (used.cardinality() == scanColumns.length) {
      return;
    }
    int[] positions = used.toArray();
    int[] narrowed = new int[positions.length];
    int[] newIndex = new int[scanColumns.length];
    for (int i = 0; i < positions.length; i++) {
      narrowed[i] = scanColumns[positions[i]];
      newIndex[positions[i]] = i;
    }
    AzimuthTableScan narrow = AzimuthTableScan.create(scan.getCluster(), scan.table(),
        scan.definition(), narrowed, false);
    List<RexNode> exprs = new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
      }
    }.apply(project.getProjects());
    call.transformTo(call.builder().push(narrow)
        .project(exprs, project.getRowType().getFieldNames(), true).build());
  }
}
