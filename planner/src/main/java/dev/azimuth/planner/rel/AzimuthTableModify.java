package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.ModifyRuntime;
import dev.azimuth.storage.TableDef;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes the rows of its input into a table as one atomic statement. MERGE here means UPSERT:
 * insert, replacing any row with the same key (the parser's UPSERT becomes MERGE over every
 * column, the closest operation Calcite has).
 */
public final class AzimuthTableModify extends TableModify implements EnumerableRel {
  private final TableDef def;

  AzimuthTableModify(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      Prepare.CatalogReader catalogReader, RelNode input, Operation operation,
      @Nullable List<String> updateColumnList, @Nullable List<RexNode> sourceExpressionList,
      boolean flattened, TableDef def) {
    super(cluster, traits, table, catalogReader, input, operation, updateColumnList,
        sourceExpressionList, flattened);
    this.def = def;
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new AzimuthTableModify(getCluster(), traitSet, getTable(), getCatalogReader(),
        sole(inputs), getOperation(), getUpdateColumnList(), getSourceExpressionList(),
        isFlattened(), def);
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    pw.input("input", getInput()).item("table", getTable().getQualifiedName());
    if (getOperation() == Operation.MERGE) {
      return pw.item("operation", "UPSERT");
    }
    return pw.item("operation", getOperation())
        .itemIf("columns", getUpdateColumnList(), getOperation() == Operation.UPDATE);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression childRows = builder.append("child", child.block);
    Expression rows = builder.append("rows",
        child.physType.convertTo(childRows, JavaRowFormat.ARRAY));
    List<String> updated = getUpdateColumnList();
    int[] updateColumns = new int[getOperation() == Operation.UPDATE && updated != null
        ? updated.size() : 0];
    for (int i = 0; i < updateColumns.length; i++) {
      updateColumns[i] = def.indexOf(updated.get(i));
    }
    Expression count = builder.append("count", Expressions.call(ModifyRuntime.class, "apply",
        implementor.getRootExpression(), Expressions.constant(def.id()),
        Expressions.constant(getOperation().name()), rows,
        Expressions.constant(updateColumns)));
    builder.add(Expressions.return_(null, Expressions.call(Linq4j.class, "singletonEnumerable",
        Expressions.newArrayInit(Object.class, Expressions.box(count)))));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }
}
