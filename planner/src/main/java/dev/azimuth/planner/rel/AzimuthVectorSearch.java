package dev.azimuth.planner.rel;

import dev.azimuth.index.Metric;
import dev.azimuth.planner.runtime.VectorSearchRuntime;
import dev.azimuth.sql.fun.VectorDistance;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.TableDef;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
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
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The k rows of a table nearest to a query vector, nearest first: the table row plus the
 * distance, with only the columns its consumer reads filled in (a vector not selected is never
 * copied). Vectors are scanned where they lie contiguously in each segment with SIMD kernels
 * and a bounded heap; only the winners' rows are then read. With an input, the input yields the
 * rows that pass the query's filter, each ending with its row id, and only those are ranked.
 * With an index, each sealed segment whose graph is ready is searched through it instead (see
 * {@link VectorSearchRuntime}); growing segments are always scanned exactly.
 */
public final class AzimuthVectorSearch extends AbstractRelNode implements EnumerableRel {
  /**
   * What to search: everything the runtime needs besides the table.
   *
   * @param index    the index to search sealed segments with, or null for an exact scan
   * @param efSearch the hinted beam width, or 0 for the session's at execution time
   * @param shownEfSearch the beam width EXPLAIN reports
   * @param strategy how EXPLAIN describes the plan
   */
  public record Spec(int column, VectorDistance distance, Metric metric, boolean negateQuery,
      boolean nullsFirst, RexNode query, int offset, int fetch, @Nullable IndexDef index,
      int efSearch, int shownEfSearch, String strategy) {}

  private final RelOptTable table;
  private final TableDef def;
  private final Spec spec;
  private final RelDataType distanceType;
  /** The table columns its consumer reads; the others are left null in the rows it yields. */
  private final ImmutableBitSet read;
  private @Nullable RelNode filter;

  AzimuthVectorSearch(RelOptCluster cluster, RelTraitSet traits, @Nullable RelNode filter,
      RelOptTable table, TableDef def, Spec spec, RelDataType distanceType,
      ImmutableBitSet read) {
    super(cluster, traits);
    this.filter = filter;
    this.table = table;
    this.def = def;
    this.spec = spec;
    this.distanceType = distanceType;
    this.read = read;
  }

  public Spec spec() {
    return spec;
  }

  @Override public List<RelNode> getInputs() {
    return filter == null ? List.of() : List.of(filter);
  }

  @Override public void replaceInput(int ordinalInParent, RelNode p) {
    filter = p;
    recomputeDigest();
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new AzimuthVectorSearch(getCluster(), traitSet,
        inputs.isEmpty() ? null : inputs.get(0), table, def, spec, distanceType, read);
  }

  @Override protected RelDataType deriveRowType() {
    RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
    b.addAll(table.getRowType().getFieldList());
    b.add("DISTANCE", distanceType);
    return b.build();
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .itemIf("filter", filter, filter != null)
        .item("table", table.getQualifiedName())
        .item("column", def.columns().get(spec.column()).name())
        .itemIf("read", read.asList().stream().map(c -> def.columns().get(c).name()).toList(),
            read.cardinality() < def.columns().size())
        .item("distance", spec.distance().functionName())
        .item("query", spec.query())
        .item("k", spec.fetch())
        .itemIf("offset", spec.offset(), spec.offset() > 0)
        .item("strategy", spec.strategy())
        .itemIf("index", spec.index() == null ? "" : spec.index().name() + " ("
            + spec.index().options().kind() + ")", spec.index() != null)
        .itemIf("ef_search", spec.shownEfSearch(), spec.index() != null);
  }

  @Override public double estimateRowCount(RelMetadataQuery mq) {
    double candidates = filter == null ? Math.max(1, table.getRowCount())
        : mq.getRowCount(filter);
    return Math.max(1, Math.min(spec.fetch(), candidates - spec.offset()));
  }

  // Ranking costs next to nothing beside reading rows, whatever k: this operator beats computing
  // every distance and sorting wherever it applies, for any table size.
  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner,
      RelMetadataQuery mq) {
    return planner.getCostFactory().makeCost(0.5, 0.5, 0);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Expression filterRows = Expressions.constant(null, Enumerable.class);
    if (filter != null) {
      Result child = implementor.visitChild(this, 0, (EnumerableRel) filter, Prefer.ARRAY);
      Expression rows = builder.append("filterRows", child.block);
      filterRows = builder.append("filterArrays",
          child.physType.convertTo(rows, JavaRowFormat.ARRAY));
    }
    RelDataType noInput = getCluster().getTypeFactory().builder().build();
    RexProgramBuilder program = new RexProgramBuilder(noInput, getCluster().getRexBuilder());
    program.addProject(spec.query(), "query");
    RexProgram queryProgram = program.getProgram();
    List<Expression> query = RexToLixTranslator.translateProjects(queryProgram,
        implementor.getTypeFactory(), implementor.getConformance(), builder, null,
        implementor.getRootExpression(), (list, index, storageType) -> {
          throw new IllegalStateException("a search query cannot read table columns");
        }, implementor::getCorrelVariableGetter);
    Expression search = Expressions.call(VectorSearchRuntime.class, "search",
        implementor.getRootExpression(), Expressions.constant(def.id()),
        Expressions.constant(spec.column()), Expressions.constant(spec.distance().name()),
        Expressions.constant(spec.metric().name()), Expressions.constant(spec.negateQuery()),
        Expressions.constant(spec.nullsFirst()),
        Expressions.convert_(Expressions.box(query.get(0)), Object.class),
        Expressions.constant(spec.offset()), Expressions.constant(spec.fetch()),
        Expressions.constant(spec.index() == null ? -1L : spec.index().id()),
        Expressions.constant(spec.efSearch()), Expressions.constant(read.toArray()),
        filterRows);
    builder.add(Expressions.return_(null, search));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }
}
