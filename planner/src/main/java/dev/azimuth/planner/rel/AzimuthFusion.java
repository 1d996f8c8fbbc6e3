package dev.azimuth.planner.rel;

import dev.azimuth.planner.fusion.ScoreNormalization;
import dev.azimuth.planner.runtime.FusionRuntime;
import dev.azimuth.sql.fusion.FusionFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Hybrid search: fuses 2 to 10 ranked inputs into one relation of (key, score, rank per input),
 * best first. Each input is a full plan of its own (a vector search through its index, a
 * filtered search, a BM25 search, any ORDER BY ... LIMIT query) yielding (key, score) rows in
 * its order; the inputs run at once ({@link FusionRuntime}) and are then joined on the key
 * and scored by Reciprocal Rank Fusion or weighted score fusion.
 */
public final class AzimuthFusion extends AbstractRelNode implements EnumerableRel {
  /** The order of the fused rows: score descending, then key ascending. */
  static final RelCollation COLLATION = RelCollations.of(
      new RelFieldCollation(1, RelFieldCollation.Direction.DESCENDING,
          RelFieldCollation.NullDirection.FIRST),
      new RelFieldCollation(0, RelFieldCollation.Direction.ASCENDING,
          RelFieldCollation.NullDirection.LAST));

  private final List<RelNode> inputs;
  private final FusionSpec spec;
  private final RelDataType fusedRowType;

  AzimuthFusion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, FusionSpec spec,
      RelDataType rowType) {
    super(cluster, traits);
    this.inputs = new ArrayList<>(inputs);
    this.spec = spec;
    this.fusedRowType = rowType;
  }

  public FusionSpec spec() {
    return spec;
  }

  @Override public List<RelNode> getInputs() {
    return inputs;
  }

  @Override public void replaceInput(int ordinalInParent, RelNode p) {
    inputs.set(ordinalInParent, p);
    recomputeDigest();
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> newInputs) {
    return new AzimuthFusion(getCluster(), traitSet, newInputs, spec, fusedRowType);
  }

  @Override protected RelDataType deriveRowType() {
    return fusedRowType;
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    super.explainTerms(pw);
    for (int i = 0; i < inputs.size(); i++) {
      pw.input("input#" + (i + 1), inputs.get(i));
    }
    boolean rrf = spec.function().method() == FusionFunction.Method.RRF;
    return pw.item("method", rrf ? "RRF" : "WEIGHTED")
        .itemIf("k", spec.k(), rrf)
        .itemIf("weights", Arrays.toString(spec.weights()), !rrf)
        .itemIf("normalization", spec.inputs().stream()
            .map(i -> String.valueOf(i.normalization())).toList(), !rrf);
  }

  // At most every listed key, once.
  @Override public double estimateRowCount(RelMetadataQuery mq) {
    double rows = 0;
    for (RelNode input : inputs) {
      rows += mq.getRowCount(input);
    }
    return Math.max(1, rows);
  }

  // One hash lookup per listed key.
  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner,
      RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, 0);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    List<Expression> rows = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Result child = implementor.visitChild(this, i, (EnumerableRel) inputs.get(i),
          Prefer.ARRAY);
      Expression enumerable = builder.append("fusionInput" + i, child.block);
      rows.add(builder.append("fusionRows" + i,
          child.physType.convertTo(enumerable, JavaRowFormat.ARRAY)));
    }
    String[] normalizations = new String[inputs.size()];
    for (int i = 0; i < normalizations.length; i++) {
      ScoreNormalization n = spec.inputs().get(i).normalization();
      normalizations[i] = n == null ? null : n.name();
    }
    Expression fused = Expressions.call(FusionRuntime.class, "fuse",
        implementor.getRootExpression(), Expressions.newArrayInit(Enumerable.class, rows),
        Expressions.constant(spec.k()),
        Expressions.constant(spec.weights(), double[].class),
        Expressions.constant(normalizations, String[].class));
    builder.add(Expressions.return_(null, fused));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }
}
