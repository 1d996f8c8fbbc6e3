package dev.azimuth.planner.rel;

import dev.azimuth.planner.schema.AzimuthTable;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Turns INSERT, UPDATE, DELETE and UPSERT on a stored table into {@link AzimuthTableModify}. */
final class AzimuthTableModifyRule extends ConverterRule {
  static final Config CONFIG = Config.INSTANCE
      .withConversion(LogicalTableModify.class, Convention.NONE, EnumerableConvention.INSTANCE,
          "AzimuthTableModifyRule")
      .withRuleFactory(AzimuthTableModifyRule::new);

  private AzimuthTableModifyRule(Config config) {
    super(config);
  }

  @Override public @Nullable RelNode convert(RelNode rel) {
    LogicalTableModify modify = (LogicalTableModify) rel;
    AzimuthTable table = modify.getTable().unwrap(AzimuthTable.class);
    if (table == null) {
      return null;
    }
    RelNode input = modify.getInput();
    return new AzimuthTableModify(modify.getCluster(),
        modify.getTraitSet().replace(EnumerableConvention.INSTANCE), modify.getTable(),
        modify.getCatalogReader(),
        // Any order will do: asking for the input's own collation would add a sort.
        convert(input, input.getCluster().traitSetOf(EnumerableConvention.INSTANCE)),
        modify.getOperation(), modify.getUpdateColumnList(), modify.getSourceExpressionList(),
        modify.isFlattened(), table.definition());
  }
}
