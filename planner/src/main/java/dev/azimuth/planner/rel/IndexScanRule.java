package dev.azimuth.planner.rel;

import dev.azimuth.planner.schema.AzimuthTable;
import dev.azimuth.storage.IndexDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;

/**
 * Offers, for a WHERE over a table with a BTREE index that answers part of it ({@code cat = 3},
 * {@code price BETWEEN 10 AND 20}, {@code cat IN (1, 2)}, ...), a scan that reads only the rows
 * the index finds and checks the conditions it can evaluate itself on them; other conditions
 * stay a Filter above. The row id the scan appends is projected away. Cost decides between it
 * and a Filter over a scan of every row.
 */
final class IndexScanRule extends RelRule<RuleConfig> {
  static final RuleConfig FILTER_SCAN = RuleConfig.of("IndexScanRule(Filter,Scan)",
      b0 -> b0.operand(LogicalFilter.class).oneInput(b1 ->
          b1.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId()).noInputs()),
      IndexScanRule::new);
  static final RuleConfig PROJECT_FILTER_SCAN = RuleConfig.of(
      "IndexScanRule(Project,Filter,Scan)",
      b0 -> b0.operand(LogicalProject.class).oneInput(b1 ->
          b1.operand(LogicalFilter.class).oneInput(b2 ->
              b2.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId()).noInputs())),
      IndexScanRule::new);

  private IndexScanRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    boolean projected = call.rels.length == 3;
    LogicalProject project = projected ? call.rel(0) : null;
    LogicalFilter filter = call.rel(projected ? 1 : 0);
    AzimuthTableScan scan = call.rel(projected ? 2 : 1);
    AzimuthTable table = scan.table().unwrap(AzimuthTable.class);
    if (table == null || table.indexes().stream().noneMatch(IndexDef::sorted)) {
      return;
    }
    // Under a projection, read only the columns it and the filter use.
    int[] scanColumns = scan.columns();
    ImmutableBitSet used = projected
        ? RelOptUtil.InputFinder.bits(project.getProjects(), filter.getCondition())
        : ImmutableBitSet.range(scanColumns.length);
    int[] fields = used.toArray();
    int[] newIndex = new int[scanColumns.length];
    int[] columns = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = scanColumns[fields[i]];
      newIndex[fields[i]] = i;
    }
    RexShuttle renumber = new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
      }
    };
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    List<RexNode> pushed = new ArrayList<>();
    List<RexNode> kept = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition().accept(renumber))) {
      boolean pushable = ScanFilter.of(rexBuilder, conjunct, scan.definition(), columns) != null;
      (pushable ? pushed : kept).add(conjunct);
    }
    if (pushed.isEmpty()) {
      return;
    }
    AzimuthTableScan indexed = AzimuthTableScan.filtered(scan.getCluster(), scan.table(),
        scan.definition(), columns, RexUtil.composeConjunction(rexBuilder, pushed));
    if (indexed == null || !indexed.indexed()) {
      return;
    }
    RelBuilder builder = call.builder().push(indexed);
    if (!kept.isEmpty()) {
      builder.filter(kept);
    }
    if (projected) {
      builder.project(renumber.apply(project.getProjects()),
          project.getRowType().getFieldNames(), true);
    } else {
      List<RexNode> out = new ArrayList<>();
      for (int i = 0; i < columns.length; i++) {
        out.add(builder.field(i));
      }
      builder.project(out, scan.getRowType().getFieldNames(), true);
    }
    call.transformTo(builder.build());
  }
}
