package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.IndexOrderRuntime;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The first {@code limit} rows of a table in the order of a BTREE index's key (ascending or
 * descending, NULLs last ascending and first descending), with an optional filter checked on
 * the way: {@code ORDER BY price LIMIT 10}, {@code WHERE cat = 3 ORDER BY price DESC LIMIT 5}
 * over an index on {@code (cat, price)}. Each sealed segment walks its sorted ordinals from the
 * range's start; segments without the index (the growing one) sort their passing rows; the
 * segments' runs are merged, and reading stops after {@code limit} rows. The Sort above it, left
 * in place, orders those few rows by the query's own keys.
 */
public final class AzimuthIndexOrderScan extends AbstractRelNode implements EnumerableRel {
  private final RelOptTable table;
  private final TableDef def;
  private final int[] columns;
  private final @Nullable ScanFilter filter;
  private final IndexRange range;
  private final boolean descending;
  private final long limit;

  AzimuthIndexOrderScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      TableDef def, int[] columns, @Nullable ScanFilter filter, IndexRange range,
      boolean descending, long limit) {
    super(cluster, traits);
    this.table = table;
    this.def = def;
    this.columns = columns;
    this.filter = filter;
    this.range = range;
    this.descending = descending;
    this.limit = limit;
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new AzimuthIndexOrderScan(getCluster(), traitSet, table, def, columns, filter, range,
        descending, limit);
  }

  @Override public RelDataType deriveRowType() {
    RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    for (int c : columns) {
      b.add(fields.get(c));
    }
    return b.build();
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    List<String> names = new ArrayList<>();
    for (int c : columns) {
      names.add(def.columns().get(c).name());
    }
    List<String> order = new ArrayList<>();
    List<Integer> keys = range.index().keyColumns();
    for (int i = range.equal().size(); i < keys.size(); i++) {
      order.add(def.columns().get(keys.get(i)).name() + (descending ? " DESC" : ""));
    }
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .item("columns", names)
        .item("index", range.index().name() + " (BTREE)")
        .itemIf("index_range", range.shown(), !range.shown().isEmpty())
        .item("order", order)
        .itemIf("filter", filter == null ? "" : filter.condition(), filter != null)
        .item("limit", limit);
  }

  // Reads about limit rows, more when a filter rejects some on the way.
  @Override public double estimateRowCount(RelMetadataQuery mq) {
    return Math.max(1, Math.min(limit, table.getRowCount()));
  }

  @Override public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = Math.max(1, table.getRowCount());
    // The walk reads rows in the index's range; of those, the share that passes the rest of
    // the filter counts towards the limit.
    double passing = filter == null ? 1
        : Math.min(1, RelMdUtil.guessSelectivity(filter.condition()) / range.selectivity());
    double read = Math.min(rows * range.selectivity(), limit / Math.max(passing, 1e-6))
        + Math.log(rows + 1);
    return planner.getCostFactory().makeCost(read, read, read);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType arrays = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, false);
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY);
    Expression root = implementor.getRootExpression();
    Expression scan = Expressions.call(IndexOrderRuntime.class, "scan", root,
        Expressions.constant(def.id()), Expressions.constant(columns),
        range.probeExpression(), range.operandsExpression(root),
        Expressions.constant(filter == null ? "" : filter.program()),
        filter == null ? Expressions.newArrayInit(Object.class)
            : filter.operandsExpression(root),
        Expressions.constant(descending), Expressions.constant(limit));
    return implementor.result(physType,
        Blocks.toBlock(arrays.convertTo(scan, physType.getFormat())));
  }
}
