package dev.azimuth.planner.rel;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A plain {@link RelRule.Config} for our rules, so they need no annotation-processor generated
 * classes (Calcite's own configs are Immutables-generated).
 */
record RuleConfig(@Nullable String description, RelRule.OperandTransform operandSupplier,
    RelBuilderFactory relBuilderFactory, Function<RuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  static RuleConfig of(String description, RelRule.OperandTransform operands,
      Function<RuleConfig, RelOptRule> factory) {
    return new RuleConfig(description, operands, RelFactories.LOGICAL_BUILDER, factory);
  }

  @Override public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override public RelRule.Config withRelBuilderFactory(RelBuilderFactory f) {
    return new RuleConfig(description, operandSupplier, f, factory);
  }

  @Override public RelRule.Config withDescription(@Nullable String d) {
    return new RuleConfig(d, operandSupplier, relBuilderFactory, factory);
  }

  @Override public RelRule.Config withOperandSupplier(RelRule.OperandTransform transform) {
    return new RuleConfig(description, transform, relBuilderFactory, factory);
  }
}
