package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.TextRuntimeFunctions;
import dev.azimuth.planner.schema.AzimuthTable;
import dev.azimuth.storage.IndexDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.Pair;

/**
 * In a chosen plan, a calculation whose condition has {@code TEXT_MATCH(column, constant)}
 * conjuncts over a table scan, where at least one of those columns has a FULLTEXT index (and no
 * EXACT hint forbids it), reads an {@link AzimuthTextMatchScan} instead, which finds the matching
 * rows through the indexes; the other conjuncts and the projections stay in the calculation.
 *
 * <p>Applied after Volcano (see {@link AzimuthRules#afterVolcano}), not as one of its rules: the
 * match scan is always the better way to evaluate such a filter, but as an alternative inside
 * Volcano its low row estimate made Volcano prefer scoring matched rows one by one and sorting
 * them over a BM25 top-k search, which it cannot cost.
 */
final class TextMatchScanRule extends RelRule<RuleConfig> {
  static final RuleConfig CONFIG = RuleConfig.of("TextMatchScanRule",
      b0 -> b0.operand(EnumerableCalc.class).predicate(c -> c.getProgram().getCondition() != null)
          .oneInput(b1 -> b1.operand(AzimuthTableScan.class)
              .predicate(s -> !s.filtered()).noInputs()),
      TextMatchScanRule::new);

  private TextMatchScanRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    EnumerableCalc calc = call.rel(0);
    AzimuthTableScan scan = call.rel(1);
    SearchHints hints = call.getPlanner().getContext().maybeUnwrap(SearchHints.class)
        .orElse(SearchHints.NONE);
    AzimuthTable table = scan.table().unwrap(AzimuthTable.class);
    if (hints.exact() || table == null) {
      return;
    }
    RexProgram program = calc.getProgram();
    List<AzimuthTextSearch.Match> matches = new ArrayList<>();
    List<IndexDef> indexes = new ArrayList<>();
    List<RexNode> rest = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(
        program.expandLocalRef(program.getCondition()))) {
      TextRuntimeFunctions.Call match =
          TextRuntimeFunctions.Call.of(conjunct, TextRuntimeFunctions.TEXT_MATCH);
      Integer column = TextSearchRule.searchedColumn(match, scan.definition(), scan.columns());
      if (column != null) {
        matches.add(new AzimuthTextSearch.Match(column, match.query()));
        IndexDef index = table.fullTextIndex(column);
        if (index != null && !indexes.contains(index)) {
          indexes.add(index);
        }
      } else {
        rest.add(conjunct);
      }
    }
    if (indexes.isEmpty()) {
      return; // Without an index the match scan would analyze every row too.
    }
    AzimuthTextMatchScan matchScan = new AzimuthTextMatchScan(scan.getCluster(),
        scan.getTraitSet(), scan, matches, indexes);
    // The match scan yields the scan's row type: the projections stay as they are.
    RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
    RexProgramBuilder builder = new RexProgramBuilder(matchScan.getRowType(), rexBuilder);
    for (Pair<RexLocalRef, String> project : program.getNamedProjects()) {
      builder.addProject(program.expandLocalRef(project.left), project.right);
    }
    if (!rest.isEmpty()) {
      builder.addCondition(RexUtil.composeConjunction(rexBuilder, rest));
    }
    call.transformTo(calc.copy(calc.getTraitSet(), matchScan, builder.getProgram()));
  }
}
