package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.TextSearchRuntime;
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
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The k rows of a table with the highest BM25 score for a query, best first: the table row plus
 * the score, with only the columns its consumer reads filled in. Each sealed segment whose text
 * index is ready is searched through its postings, every other segment by analyzing its texts,
 * with statistics over all live rows of the table (see {@link TextSearchRuntime}); only the
 * winners' rows are then read. The WHERE clause's TEXT_MATCH conjuncts are answered through the
 * same segments, and its other conjuncts, if any, by the input: the rows that pass them, each
 * ending with its row id.
 */
public final class AzimuthTextSearch extends AbstractRelNode implements EnumerableRel {
  /**
   * A {@code TEXT_MATCH(column, query)} conjunct of the statement's WHERE clause.
   *
   * @param column the table column it searches
   */
  public record Match(int column, RexNode query) {}

  /**
   * What to search: everything the runtime needs besides the table.
   *
   * @param column   the table column ranked by
   * @param query    the words to rank by (a constant or a parameter)
   * @param index    the FULLTEXT index of the column, or null (none, or an EXACT hint)
   * @param analyzer the column's analyzer, for EXPLAIN
   * @param matches  TEXT_MATCH conjuncts every returned row must satisfy
   * @param strategy how EXPLAIN describes the plan
   */
  public record Spec(int column, RexNode query, int offset, int fetch, @Nullable IndexDef index,
      String analyzer, boolean useIndexes, List<Match> matches, String strategy) {}

  /** Name of the score column the search appends to the table row. */
  public static final String SCORE = "SCORE";

  private final RelOptTable table;
  private final TableDef def;
  private final Spec spec;
  /** The table columns its consumer reads; the others are left null in the rows it yields. */
  private final ImmutableBitSet read;
  private @Nullable RelNode filter;

  AzimuthTextSearch(RelOptCluster cluster, RelTraitSet traits, @Nullable RelNode filter,
      RelOptTable table, TableDef def, Spec spec, ImmutableBitSet read) {
    super(cluster, traits);
    this.filter = filter;
    this.table = table;
    this.def = def;
    this.spec = spec;
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
    return new AzimuthTextSearch(getCluster(), traitSet,
        inputs.isEmpty() ? null : inputs.get(0), table, def, spec, read);
  }

  @Override protected RelDataType deriveRowType() {
    RelDataTypeFactory types = getCluster().getTypeFactory();
    RelDataTypeFactory.Builder b = types.builder();
    b.addAll(table.getRowType().getFieldList());
    b.add(SCORE, types.createSqlType(SqlTypeName.DOUBLE));
    return b.build();
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    List<String> matches = new ArrayList<>();
    for (Match m : spec.matches()) {
      matches.add(def.columns().get(m.column()).name() + ": " + m.query());
    }
    return super.explainTerms(pw)
        .itemIf("filter", filter, filter != null)
        .item("table", table.getQualifiedName())
        .item("column", def.columns().get(spec.column()).name())
        .itemIf("read", read.asList().stream().map(c -> def.columns().get(c).name()).toList(),
            read.cardinality() < def.columns().size())
        .item("query", spec.query())
        .itemIf("match", matches, !matches.isEmpty())
        .item("k", spec.fetch())
        .itemIf("offset", spec.offset(), spec.offset() > 0)
        .item("strategy", spec.strategy())
        .itemIf("index", spec.index() == null ? "" : spec.index().name() + " (FULLTEXT)",
            spec.index() != null)
        .item("analyzer", spec.analyzer());
  }

  @Override public double estimateRowCount(RelMetadataQuery mq) {
    double candidates = filter == null ? Math.max(1, table.getRowCount())
        : mq.getRowCount(filter);
    return Math.max(1, Math.min(spec.fetch(), candidates - spec.offset()));
  }

  // As for vector search: ranking costs next to nothing beside reading rows, so this operator
  // beats scoring every row and sorting wherever it applies.
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
    // The queries are constants or parameters: a program over no input computes them.
    RelDataType noInput = getCluster().getTypeFactory().builder().build();
    RexProgramBuilder program = new RexProgramBuilder(noInput, getCluster().getRexBuilder());
    program.addProject(spec.query(), "query");
    int[] matchColumns = new int[spec.matches().size()];
    for (int i = 0; i < matchColumns.length; i++) {
      program.addProject(spec.matches().get(i).query(), "match" + i);
      matchColumns[i] = spec.matches().get(i).column();
    }
    List<Expression> queries = RexToLixTranslator.translateProjects(program.getProgram(),
        implementor.getTypeFactory(), implementor.getConformance(), builder, null,
        implementor.getRootExpression(), (list, index, storageType) -> {
          throw new IllegalStateException("a search query cannot read table columns");
        }, implementor::getCorrelVariableGetter);
    List<Expression> matchQueries = new ArrayList<>();
    for (Expression q : queries.subList(1, queries.size())) {
      matchQueries.add(Expressions.convert_(Expressions.box(q), Object.class));
    }
    Expression search = Expressions.call(TextSearchRuntime.class, "search",
        implementor.getRootExpression(), Expressions.constant(def.id()),
        Expressions.constant(spec.column()),
        Expressions.convert_(Expressions.box(queries.get(0)), Object.class),
        Expressions.constant(spec.offset()), Expressions.constant(spec.fetch()),
        Expressions.constant(spec.useIndexes()), Expressions.constant(matchColumns),
        Expressions.newArrayInit(Object.class, matchQueries),
        Expressions.constant(read.toArray()), filterRows);
    builder.add(Expressions.return_(null, search));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }
}
