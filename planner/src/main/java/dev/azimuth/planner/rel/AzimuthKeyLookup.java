package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.KeyLookupRuntime;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An inner join of some rows with a table on the table's primary key, done by looking each
 * row's key up rather than by reading the whole table: how a hybrid search's few hundred fused
 * keys (or a top-k subquery's) join back to their table. Rows whose key is NULL or not in the
 * table are dropped. The output is the join's row: the table's columns first when the table
 * was the join's left input.
 */
public final class AzimuthKeyLookup extends SingleRel implements EnumerableRel {
  private final RelOptTable table;
  private final TableDef def;
  private final int[] columns;
  private final int keyField;
  private final boolean tableFirst;

  /**
   * @param probe      the rows whose keys are looked up
   * @param columns    the table columns to read, in output order
   * @param keyField   the probe's field holding the key
   * @param tableFirst whether the table's columns come before the probe's
   * @param rowType    the join's row type
   */
  AzimuthKeyLookup(RelOptCluster cluster, RelTraitSet traits, RelNode probe, RelOptTable table,
      TableDef def, int[] columns, int keyField, boolean tableFirst, RelDataType rowType) {
    super(cluster, traits, probe);
    this.table = table;
    this.def = def;
    this.columns = columns.clone();
    this.keyField = keyField;
    this.tableFirst = tableFirst;
    this.rowType = rowType;
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new AzimuthKeyLookup(getCluster(), traitSet, sole(inputs), table, def, columns,
        keyField, tableFirst, rowType);
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .item("columns", java.util.Arrays.stream(columns)
            .mapToObj(c -> def.columns().get(c).name()).toList())
        .item("key", input.getRowType().getFieldNames().get(keyField));
  }

  // At most one row per probe row.
  @Override public double estimateRowCount(RelMetadataQuery mq) {
    return mq.getRowCount(input);
  }

  // One point read per probe row, which costs a few scanned rows' worth (a key lookup against a
  // sequential step), and more the more (and the longer) the columns it fetches, weighed as the
  // table scan weighs them; Volcano compares row counts alone, so the weight goes there.
  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner,
      RelMetadataQuery mq) {
    double read = 1;
    for (int c : columns) {
      read += weight(def.columns().get(c));
    }
    double all = 1;
    for (ColumnDef c : def.columns()) {
      all += weight(c);
    }
    double rows = mq.getRowCount(input) * (2 + read / all);
    return planner.getCostFactory().makeCost(rows, rows, rows);
  }

  private static double weight(ColumnDef c) {
    return c.type() == ColumnType.VECTOR ? Math.max(1, c.dimension() / 16.0) : 1;
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result child = implementor.visitChild(this, 0, (EnumerableRel) input, Prefer.ARRAY);
    Expression probe = builder.append("probe", child.block);
    Expression rows = builder.append("probeRows",
        child.physType.convertTo(probe, JavaRowFormat.ARRAY));
    builder.add(Expressions.return_(null, Expressions.call(KeyLookupRuntime.class, "lookup",
        implementor.getRootExpression(), Expressions.constant(def.id()),
        Expressions.constant(columns), Expressions.constant(keyField),
        Expressions.constant(tableFirst), rows)));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }
}
