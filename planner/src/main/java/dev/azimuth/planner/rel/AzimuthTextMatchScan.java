package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.TextMatchRuntime;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexProgramBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of a table that satisfy the WHERE clause's {@code TEXT_MATCH} conjuncts, found
 * through FULLTEXT indexes (see {@link TextMatchRuntime}) instead of analyzing every row: the
 * same columns, in the same order, as the {@link AzimuthTableScan} it replaces (in key order, or
 * segment by segment with the row id appended). The clause's other conjuncts stay in the
 * calculation above it.
 */
public final class AzimuthTextMatchScan extends AbstractRelNode implements EnumerableRel {
  private final AzimuthTableScan scan;
  private final List<AzimuthTextSearch.Match> matches;
  /** The FULLTEXT indexes of the matched columns, for EXPLAIN. */
  private final List<IndexDef> indexes;

  AzimuthTextMatchScan(RelOptCluster cluster, RelTraitSet traits, AzimuthTableScan scan,
      List<AzimuthTextSearch.Match> matches, List<IndexDef> indexes) {
    super(cluster, traits);
    this.scan = scan;
    this.matches = List.copyOf(matches);
    this.indexes = List.copyOf(indexes);
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new AzimuthTextMatchScan(getCluster(), traitSet, scan, matches, indexes);
  }

  @Override protected RelDataType deriveRowType() {
    return scan.getRowType();
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    TableDef def = scan.definition();
    List<String> columns = new ArrayList<>();
    for (int c : scan.columns()) {
      columns.add(def.columns().get(c).name());
    }
    List<String> matched = new ArrayList<>();
    for (AzimuthTextSearch.Match m : matches) {
      matched.add(def.columns().get(m.column()).name() + ": " + m.query());
    }
    return super.explainTerms(pw)
        .item("table", scan.table().getQualifiedName())
        .itemIf("columns", columns, !scan.isFull())
        .itemIf("rowId", true, scan.withRowId())
        .item("match", matched)
        .item("index", indexes.stream().map(IndexDef::name).toList());
  }

  @Override public double estimateRowCount(RelMetadataQuery mq) {
    double rows = Math.max(1, scan.table().getRowCount());
    return Math.max(1, rows * Math.pow(RelMdUtil.guessSelectivity(null), matches.size()));
  }

  // Reads only the matching rows, found through posting lists.
  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner,
      RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, 0);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    RelDataType noInput = getCluster().getTypeFactory().builder().build();
    RexProgramBuilder program = new RexProgramBuilder(noInput, getCluster().getRexBuilder());
    int[] matchColumns = new int[matches.size()];
    for (int i = 0; i < matchColumns.length; i++) {
      program.addProject(matches.get(i).query(), "match" + i);
      matchColumns[i] = matches.get(i).column();
    }
    List<Expression> queries = RexToLixTranslator.translateProjects(program.getProgram(),
        implementor.getTypeFactory(), implementor.getConformance(), builder, null,
        implementor.getRootExpression(), (list, index, storageType) -> {
          throw new IllegalStateException("TEXT_MATCH words cannot read table columns");
        }, implementor::getCorrelVariableGetter);
    List<Expression> words = new ArrayList<>();
    for (Expression q : queries) {
      words.add(Expressions.convert_(Expressions.box(q), Object.class));
    }
    Expression rows = Expressions.call(TextMatchRuntime.class, "scan",
        implementor.getRootExpression(), Expressions.constant(scan.definition().id()),
        Expressions.constant(scan.columns()), Expressions.constant(scan.withRowId()),
        Expressions.constant(matchColumns),
        Expressions.newArrayInit(Object.class, words));
    builder.add(Expressions.return_(null, rows));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }

}
