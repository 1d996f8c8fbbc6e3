package dev.azimuth.planner.rel;

import dev.azimuth.planner.schema.AzimuthTable;
import dev.azimuth.storage.IndexDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Plans {@code ORDER BY a [, b ...] LIMIT k [OFFSET m]}, with or without a WHERE the scan can
 * evaluate itself, as an {@link AzimuthIndexOrderScan} when a BTREE index's key columns, after
 * those the WHERE fixes by equalities, start with the ORDER BY's columns in one direction and
 * NULLs where the index puts them (last ascending, first descending). The Sort stays above,
 * now over {@code k + m} rows; cost decides against sorting every row.
 */
final class IndexOrderRule extends RelRule<RuleConfig> {
  static final RuleConfig SCAN = RuleConfig.of("IndexOrderRule(Scan)",
      b0 -> b0.operand(LogicalSort.class).predicate(IndexOrderRule::isLimited).oneInput(b1 ->
          b1.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId()).noInputs()),
      IndexOrderRule::new);
  static final RuleConfig FILTER_SCAN = RuleConfig.of("IndexOrderRule(Filter,Scan)",
      b0 -> b0.operand(LogicalSort.class).predicate(IndexOrderRule::isLimited).oneInput(b1 ->
          b1.operand(LogicalFilter.class).oneInput(b2 ->
              b2.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId()).noInputs())),
      IndexOrderRule::new);
  static final RuleConfig PROJECT_SCAN = RuleConfig.of("IndexOrderRule(Project,Scan)",
      b0 -> b0.operand(LogicalSort.class).predicate(IndexOrderRule::isLimited).oneInput(b1 ->
          b1.operand(LogicalProject.class).oneInput(b2 ->
              b2.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId()).noInputs())),
      IndexOrderRule::new);
  static final RuleConfig PROJECT_FILTER_SCAN = RuleConfig.of(
      "IndexOrderRule(Project,Filter,Scan)",
      b0 -> b0.operand(LogicalSort.class).predicate(IndexOrderRule::isLimited).oneInput(b1 ->
          b1.operand(LogicalProject.class).oneInput(b2 ->
              b2.operand(LogicalFilter.class).oneInput(b3 ->
                  b3.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId())
                      .noInputs()))),
      IndexOrderRule::new);

  /** Most rows (LIMIT plus OFFSET) the scan is planned for; beyond that a sort is as good. */
  private static final long MAX_ROWS = 100_000;

  private IndexOrderRule(RuleConfig config) {
    super(config);
  }

  private static boolean isLimited(Sort sort) {
    return sort.fetch instanceof RexLiteral
        && (sort.offset == null || sort.offset instanceof RexLiteral)
        && !sort.getCollation().getFieldCollations().isEmpty();
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    Project project = null;
    Filter filter = null;
    for (int i = 1; i < call.rels.length - 1; i++) {
      if (call.rel(i) instanceof Project p) {
        project = p;
      } else if (call.rel(i) instanceof Filter f) {
        filter = f;
      }
    }
    AzimuthTableScan scan = call.rel(call.rels.length - 1);
    AzimuthTable table = scan.table().unwrap(AzimuthTable.class);
    if (table == null || table.indexes().stream().noneMatch(IndexDef::sorted)) {
      return;
    }
    long limit = RexLiteral.intValue(sort.fetch)
        + (sort.offset == null ? 0L : RexLiteral.intValue(sort.offset));
    if (limit <= 0 || limit > MAX_ROWS) {
      return;
    }
    int[] scanColumns = scan.columns();
    List<RelFieldCollation> collations = sort.getCollation().getFieldCollations();
    RelFieldCollation.Direction direction = collations.get(0).direction;
    if (direction != RelFieldCollation.Direction.ASCENDING
        && direction != RelFieldCollation.Direction.DESCENDING) {
      return;
    }
    RelFieldCollation.NullDirection nulls = direction == RelFieldCollation.Direction.ASCENDING
        ? RelFieldCollation.NullDirection.LAST : RelFieldCollation.NullDirection.FIRST;
    List<Integer> orderColumns = new ArrayList<>();
    for (RelFieldCollation c : collations) {
      if (c.direction != direction || c.nullDirection != nulls) {
        return;
      }
      int field = c.getFieldIndex();
      if (project != null) {
        RexNode e = project.getProjects().get(field);
        if (!(e instanceof RexInputRef ref)) {
          return;
        }
        field = ref.getIndex();
      }
      orderColumns.add(scanColumns[field]);
    }
    ScanFilter scanFilter = null;
    if (filter != null) {
      scanFilter = ScanFilter.of(scan.getCluster().getRexBuilder(), filter.getCondition(),
          scan.definition(), scanColumns);
      if (scanFilter == null) {
        return;
      }
    }
    IndexRange best = null;
    for (IndexDef index : table.indexes()) {
      if (!index.sorted()) {
        continue;
      }
      IndexRange range = IndexRange.forOrder(scan.getCluster().getRexBuilder(),
          filter == null ? null : filter.getCondition(), scan.definition(), scanColumns, index);
      List<Integer> keys = index.keyColumns();
      int from = range.equal().size();
      if (keys.size() - from >= orderColumns.size()
          && keys.subList(from, from + orderColumns.size()).equals(orderColumns)
          && (best == null || range.score() > best.score())) {
        best = range;
      }
    }
    if (best == null) {
      return;
    }
    RelNode ordered = new AzimuthIndexOrderScan(scan.getCluster(),
        scan.getCluster().traitSetOf(EnumerableConvention.INSTANCE), scan.table(),
        scan.definition(), scanColumns, scanFilter, best,
        direction == RelFieldCollation.Direction.DESCENDING, limit);
    if (project != null) {
      ordered = project.copy(project.getTraitSet(), List.of(ordered));
    }
    call.transformTo(sort.copy(sort.getTraitSet(), ordered, sort.getCollation(), sort.offset,
        sort.fetch));
  }
}
