package dev.azimuth.planner.rel;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Offers an {@link AzimuthKeyLookup} for an inner join of a table with other rows on the
 * table's primary key ({@code JOIN docs d ON d.id = f.id}); cost decides between it and a hash
 * join over a scan of the whole table, so it wins when the other side is small. With a
 * projection above the join, only the table columns the projection uses are read.
 */
final class KeyLookupRule extends RelRule<RuleConfig> {
  static final RuleConfig PROJECT_SCAN_LEFT = RuleConfig.of("KeyLookupRule(Project,Scan,_)",
      b0 -> b0.operand(LogicalProject.class).oneInput(b1 -> b1.operand(LogicalJoin.class)
          .predicate(KeyLookupRule::isInner).inputs(
              b2 -> b2.operand(AzimuthTableScan.class).predicate(KeyLookupRule::plain)
                  .noInputs(),
              b3 -> b3.operand(RelNode.class).anyInputs())),
      KeyLookupRule::new);
  static final RuleConfig PROJECT_SCAN_RIGHT = RuleConfig.of("KeyLookupRule(Project,_,Scan)",
      b0 -> b0.operand(LogicalProject.class).oneInput(b1 -> b1.operand(LogicalJoin.class)
          .predicate(KeyLookupRule::isInner).inputs(
              b2 -> b2.operand(RelNode.class).anyInputs(),
              b3 -> b3.operand(AzimuthTableScan.class).predicate(KeyLookupRule::plain)
                  .noInputs())),
      KeyLookupRule::new);
  static final RuleConfig SCAN_LEFT = RuleConfig.of("KeyLookupRule(Scan,_)",
      b1 -> b1.operand(LogicalJoin.class).predicate(KeyLookupRule::isInner).inputs(
          b2 -> b2.operand(AzimuthTableScan.class).predicate(KeyLookupRule::plain).noInputs(),
          b3 -> b3.operand(RelNode.class).anyInputs()),
      KeyLookupRule::new);
  static final RuleConfig SCAN_RIGHT = RuleConfig.of("KeyLookupRule(_,Scan)",
      b1 -> b1.operand(LogicalJoin.class).predicate(KeyLookupRule::isInner).inputs(
          b2 -> b2.operand(RelNode.class).anyInputs(),
          b3 -> b3.operand(AzimuthTableScan.class).predicate(KeyLookupRule::plain).noInputs()),
      KeyLookupRule::new);

  private KeyLookupRule(RuleConfig config) {
    super(config);
  }

  private static boolean isInner(Join join) {
    return join.getJoinType() == JoinRelType.INNER;
  }

  private static boolean plain(AzimuthTableScan scan) {
    return !scan.withRowId();
  }

  @Override public void onMatch(RelOptRuleCall call) {
    boolean projected = call.rel(0) instanceof Project;
    Project project = projected ? call.rel(0) : null;
    Join join = call.rel(projected ? 1 : 0);
    RelNode first = call.rel(projected ? 2 : 1);
    boolean tableFirst = first instanceof AzimuthTableScan;
    AzimuthTableScan scan = tableFirst ? (AzimuthTableScan) first
        : call.rel(projected ? 3 : 2);
    RelNode probe = join.getInput(tableFirst ? 1 : 0);
    JoinInfo info = join.analyzeCondition();
    if (!info.isEqui() || info.pairs().size() != 1) {
      return;
    }
    int scanField = tableFirst ? info.leftKeys.get(0) : info.rightKeys.get(0);
    int probeField = tableFirst ? info.rightKeys.get(0) : info.leftKeys.get(0);
    int[] scanColumns = scan.columns();
    RelDataType scanKey = scan.getRowType().getFieldList().get(scanField).getType();
    RelDataType probeKey = probe.getRowType().getFieldList().get(probeField).getType();
    if (scanColumns[scanField] != scan.definition().primaryKey()
        || scanKey.getSqlTypeName() != probeKey.getSqlTypeName()) {
      return;
    }
    int tableWidth = scanColumns.length;
    int offset = tableFirst ? 0 : probe.getRowType().getFieldCount();
    // The scan's fields the consumer reads; without a projection, all of them.
    ImmutableBitSet used = projected
        ? RelOptUtil.InputFinder.bits(project.getProjects(), null)
        : ImmutableBitSet.range(join.getRowType().getFieldCount());
    List<Integer> kept = new ArrayList<>();
    for (int f = 0; f < tableWidth; f++) {
      if (used.get(offset + f)) {
        kept.add(f);
      }
    }
    int[] columns = kept.stream().mapToInt(f -> scanColumns[f]).toArray();
    List<RelDataTypeField> fields = join.getRowType().getFieldList();
    int[] newIndex = new int[fields.size()];
    List<RelDataTypeField> out = new ArrayList<>();
    if (!tableFirst) {
      for (int f = 0; f < offset; f++) {
        newIndex[f] = out.size();
        out.add(fields.get(f));
      }
    }
    for (int f : kept) {
      newIndex[offset + f] = out.size();
      out.add(fields.get(offset + f));
    }
    if (tableFirst) {
      for (int f = tableWidth; f < fields.size(); f++) {
        newIndex[f] = out.size();
        out.add(fields.get(f));
      }
    }
    RelDataType rowType = join.getCluster().getTypeFactory().createStructType(out);
    RelNode lookup = new AzimuthKeyLookup(join.getCluster(),
        join.getCluster().traitSetOf(EnumerableConvention.INSTANCE),
        convert(probe, probe.getTraitSet().replace(EnumerableConvention.INSTANCE)),
        scan.table(), scan.definition(), columns, probeField, tableFirst, rowType);
    if (!projected) {
      call.transformTo(lookup);
      return;
    }
    List<RexNode> exprs = new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
      }
    }.apply(project.getProjects());
    call.transformTo(call.builder().push(lookup)
        .project(exprs, project.getRowType().getFieldNames(), true).build());
  }
}
