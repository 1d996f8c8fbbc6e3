package dev.azimuth.planner.rel;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;

/** The rules Azimuth adds to Calcite's standard set. */
public final class AzimuthRules {
  private AzimuthRules() {}

  /** Every rule to register with the planner. */
  public static List<RelOptRule> all() {
    return List.of(
        AzimuthTableModifyRule.CONFIG.toRule(),
        AzimuthProjectScanRule.CONFIG.toRule(),
        VectorSearchRule.PROJECT_SCAN.toRule(),
        VectorSearchRule.PROJECT_FILTER_SCAN.toRule(),
        FusionRule.CONFIG.toRule(),
        KeyLookupRule.PROJECT_SCAN_LEFT.toRule(),
        KeyLookupRule.PROJECT_SCAN_RIGHT.toRule(),
        KeyLookupRule.SCAN_LEFT.toRule(),
        KeyLookupRule.SCAN_RIGHT.toRule(),
        TextSearchRule.PROJECT_SCAN.toRule(),
        TextSearchRule.PROJECT_FILTER_SCAN.toRule(),
        IndexScanRule.FILTER_SCAN.toRule(),
        IndexScanRule.PROJECT_FILTER_SCAN.toRule(),
        IndexOrderRule.SCAN.toRule(),
        IndexOrderRule.FILTER_SCAN.toRule(),
        IndexOrderRule.PROJECT_SCAN.toRule(),
        IndexOrderRule.PROJECT_FILTER_SCAN.toRule(),
        // Defined by Calcite but not registered by default: top-k without sorting every row,
        // for ORDER BY ... LIMIT shapes the vector search does not take.
        EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
  }

  /**
   * Rewrites of the plan Volcano chose that are always worth making, applied once it is chosen
   * (today: TEXT_MATCH filters answered through FULLTEXT indexes). The planner context, with
   * the statement's hints, is that of the plan's cluster.
   */
  public static RelNode afterVolcano(RelNode plan) {
    HepPlanner hep = new HepPlanner(HepProgram.builder()
        .addRuleInstance(TextMatchScanRule.CONFIG.toRule()).build(),
        plan.getCluster().getPlanner().getContext());
    hep.setRoot(plan);
    return AzimuthFloatSort.replaceIn(hep.findBestExp());
  }
}
