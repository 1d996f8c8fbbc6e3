package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.FloatOrder;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.util.Pair;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A sort (with or without LIMIT and OFFSET) by one floating-point key, in PostgreSQL's order
 * ({@link FloatOrder}: NaN after every number), where Calcite's sorts would fail on a NaN key
 * (the cosine distance of a zero vector).
 */
final class AzimuthFloatSort extends Sort implements EnumerableRel {
  private AzimuthFloatSort(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      RelCollation collation, @Nullable RexNode offset, @Nullable RexNode fetch) {
    super(cluster, traits, input, collation, offset, fetch);
  }

  @Override public Sort copy(RelTraitSet traits, RelNode input, RelCollation collation,
      @Nullable RexNode offset, @Nullable RexNode fetch) {
    return new AzimuthFloatSort(getCluster(), traits, input, collation, offset, fetch);
  }

  /** Replaces, in a chosen plan, each Enumerable sort by a floating-point key with this one. */
  static RelNode replaceIn(RelNode plan) {
    return plan.accept(new RelShuttleImpl() {
      @Override public RelNode visit(RelNode other) {
        RelNode rel = super.visit(other);
        if ((rel instanceof EnumerableSort || rel instanceof EnumerableLimitSort)
            && byOneFloatKey((Sort) rel)) {
          Sort sort = (Sort) rel;
          return new AzimuthFloatSort(sort.getCluster(), sort.getTraitSet(), sort.getInput(),
              sort.getCollation(), sort.offset, sort.fetch);
        }
        return rel;
      }
    });
  }

  // LIMIT ? keeps Calcite's sort (a NaN key fails there still); literal limits are the rule.
  private static boolean byOneFloatKey(Sort sort) {
    List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
    if (keys.size() != 1 || sort.offset != null && !(sort.offset instanceof RexLiteral)
        || sort.fetch != null && !(sort.fetch instanceof RexLiteral)) {
      return false;
    }
    SqlTypeName type = sort.getInput().getRowType().getFieldList()
        .get(keys.get(0).getFieldIndex()).getType().getSqlTypeName();
    return type == SqlTypeName.DOUBLE || type == SqlTypeName.FLOAT || type == SqlTypeName.REAL;
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        child.format);
    Expression rows = builder.append("child", child.block);
    RelFieldCollation key = collation.getFieldCollations().get(0);
    Pair<Expression, Expression> selector =
        child.physType.generateCollationKey(collation.getFieldCollations());
    Expression comparator = Expressions.call(FloatOrder.class, "comparator",
        Expressions.constant(key.nullDirection == RelFieldCollation.NullDirection.FIRST),
        Expressions.constant(key.direction.isDescending()));
    Expression sorted = offset == null && fetch == null
        ? Expressions.call(rows, BuiltInMethod.ORDER_BY.method,
            builder.append("keySelector", selector.left), comparator)
        : Expressions.call(BuiltInMethod.ORDER_BY_WITH_FETCH_AND_OFFSET.method, rows,
            builder.append("keySelector", selector.left), comparator,
            Expressions.constant(offset == null ? 0 : RexLiteral.intValue(offset)),
            Expressions.constant(fetch == null ? Integer.MAX_VALUE : RexLiteral.intValue(fetch)));
    builder.add(Expressions.return_(null, sorted));
    return implementor.result(physType, builder.toBlock());
  }
}
