package dev.azimuth.planner.rel;

import dev.azimuth.index.Metric;
import dev.azimuth.planner.runtime.FilteredSearchPolicy;
import dev.azimuth.planner.runtime.RuntimeFunctions;
import dev.azimuth.planner.schema.AzimuthTable;
import dev.azimuth.storage.IndexDef;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import dev.azimuth.sql.fun.VectorDistance;
import dev.azimuth.sql.type.VectorSqlType;
import dev.azimuth.storage.TableDef;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Recognises {@code ORDER BY distance(column, constant) LIMIT k [OFFSET m]} over a table,
 * with or without a WHERE, and plans an {@link AzimuthVectorSearch} instead of computing every
 * distance and sorting. The WHERE becomes the search's input: a scan of just the filter's
 * columns and the row id, filtered, so rows the filter rejects are never ranked. When an index
 * on the column ranks by the same metric (and no EXACT hint forbids it), the search uses it on
 * every sealed segment that has its graph.
 */
final class VectorSearchRule extends RelRule<RuleConfig> {
  static final RuleConfig PROJECT_SCAN = RuleConfig.of("VectorSearchRule(Project,Scan)",
      b0 -> b0.operand(LogicalSort.class).predicate(VectorSearchRule::isTopK).oneInput(b1 ->
          b1.operand(LogicalProject.class).oneInput(b2 ->
              b2.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId())
                  .noInputs())),
      VectorSearchRule::new);

  static final RuleConfig PROJECT_FILTER_SCAN =
      RuleConfig.of("VectorSearchRule(Project,Filter,Scan)",
          b0 -> b0.operand(LogicalSort.class).predicate(VectorSearchRule::isTopK).oneInput(b1 ->
              b1.operand(LogicalProject.class).oneInput(b2 ->
                  b2.operand(LogicalFilter.class).oneInput(b3 ->
                      b3.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId())
                          .noInputs()))),
          VectorSearchRule::new);

  private VectorSearchRule(RuleConfig config) {
    super(config);
  }

  /** A sort by one key with a constant LIMIT (and OFFSET, if any): a top-k. */
  static boolean isTopK(Sort sort) {
    return sort.fetch instanceof RexLiteral
        && (sort.offset == null || sort.offset instanceof RexLiteral)
        && sort.getCollation().getFieldCollations().size() == 1;
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    Project project = call.rel(1);
    Filter filter = call.rels.length == 4 ? call.rel(2) : null;
    AzimuthTableScan scan = call.rel(call.rels.length - 1);
    TableDef def = scan.definition();
    int[] scanColumns = scan.columns();

    RelFieldCollation order = sort.getCollation().getFieldCollations().get(0);
    RexNode key = project.getProjects().get(order.getFieldIndex());
    Match match = Match.of(key, scanColumns);
    if (match == null) {
      return;
    }
    boolean descending = order.direction.isDescending();
    Metric metric;
    boolean negateQuery;
    switch (match.distance()) {
      case L2, COSINE, L1 -> {
        if (descending) {
          return;
        }
        metric = switch (match.distance()) {
          case L2 -> Metric.L2;
          case COSINE -> Metric.COSINE;
          default -> Metric.L1;
        };
        negateQuery = false;
      }
      // Largest inner product first is smallest negative inner product first; the opposite
      // order is the same search with the query negated.
      case INNER_PRODUCT -> {
        metric = Metric.NEGATIVE_DOT;
        negateQuery = !descending;
      }
      case NEGATIVE_INNER_PRODUCT -> {
        metric = Metric.NEGATIVE_DOT;
        negateQuery = descending;
      }
      default -> {
        return;
      }
    }
    int fetch = RexLiteral.intValue(sort.fetch);
    int offset = sort.offset == null ? 0 : RexLiteral.intValue(sort.offset);
    boolean nullsFirst = order.nullDirection == RelFieldCollation.NullDirection.FIRST;

    SearchHints hints = call.getPlanner().getContext().maybeUnwrap(SearchHints.class)
        .orElse(SearchHints.NONE);
    IndexDef index = hints.exact() ? null : indexFor(scan, match.column(), metric);
    String strategy = index == null ? "exact" : "index";
    if (index != null && filter != null) {
      // The estimate only labels the plan: at run time each segment counts the rows that
      // really pass and takes the same decision on the true number.
      RelMetadataQuery mq = call.getMetadataQuery();
      double rows = Math.max(1, scan.table().getRowCount());
      Double selectivity = mq.getSelectivity(scan, filter.getCondition());
      double matching = rows * (selectivity == null ? 0.25 : selectivity);
      if (FilteredSearchPolicy.preferExact((long) matching, (long) rows,
          hints.shownEfSearch(), index.options().m())) {
        strategy = "exact over filtered rows (estimated " + (long) matching + " of "
            + (long) rows + "), index " + index.name() + " if more match";
      }
    }
    RelOptCluster cluster = scan.getCluster();
    RelNode filterInput = filter == null ? null
        : rowIdsPassing(call.builder(), scan, filter.getCondition());
    AzimuthVectorSearch.Spec spec = new AzimuthVectorSearch.Spec(match.column(),
        match.distance(), metric, negateQuery, nullsFirst, match.query(), offset, fetch,
        index, hints.efSearch(), hints.shownEfSearch(), strategy);
    int distanceField = def.columns().size();
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE, () -> List.of(RelCollations.of(
            new RelFieldCollation(distanceField, order.direction, order.nullDirection))));

    // The search yields the table row plus the distance: re-aim the projection at it.
    RexNode distanceRef = new RexInputRef(distanceField, key.getType());
    List<RexNode> projects = new RexShuttle() {
      @Override public RexNode visitCall(RexCall c) {
        return c.equals(key) ? distanceRef : super.visitCall(c);
      }

      @Override public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(scanColumns[ref.getIndex()], ref.getType());
      }
    }.apply(project.getProjects());
    // The projection is the search's only consumer: columns it does not use are not fetched.
    ImmutableBitSet read = RelOptUtil.InputFinder.bits(projects, null).clear(distanceField);
    AzimuthVectorSearch search = new AzimuthVectorSearch(cluster, traits,
        filterInput == null ? null : convert(filterInput,
            cluster.traitSetOf(EnumerableConvention.INSTANCE)),
        scan.table(), def, spec, key.getType(), read);
    call.transformTo(call.builder().push(search)
        .project(projects, project.getRowType().getFieldNames(), true).build());
    // Same rows, found without computing and sorting every distance: never worse, so the
    // generic top-k plan need not compete. Volcano compares costs by row counts alone and can
    // prefer it on small or filtered tables otherwise.
    call.getPlanner().prune(sort);
  }

  /** The oldest index on the column that ranks by the metric, or null. */
  private static @Nullable IndexDef indexFor(AzimuthTableScan scan, int column, Metric metric) {
    AzimuthTable table = scan.table().unwrap(AzimuthTable.class);
    if (table == null) {
      return null;
    }
    for (IndexDef index : table.indexes()) {
      if (index.vector() && index.column() == column && index.options().metric() == metric) {
        return index;
      }
    }
    return null;
  }

  /**
   * A scan of just the columns {@code condition} (over {@code scan}'s fields) reads, plus the
   * row id (last), filtered by it: the input of a search with a filter. The scan evaluates
   * simple conditions itself ({@link ScanFilter}); others become a Filter above it.
   */
  static RelNode rowIdsPassing(RelBuilder builder, AzimuthTableScan scan, RexNode filter) {
    int[] scanColumns = scan.columns();
    ImmutableBitSet.Builder tableColumns = ImmutableBitSet.builder();
    for (int field : RelOptUtil.InputFinder.bits(filter)) {
      tableColumns.set(scanColumns[field]);
    }
    int[] columns = tableColumns.build().toArray();
    int[] position = new int[scanColumns.length];
    for (int field = 0; field < scanColumns.length; field++) {
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] == scanColumns[field]) {
          position[field] = i;
        }
      }
    }
    RexNode condition = filter.accept(new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(position[ref.getIndex()], ref.getType());
      }
    });
    AzimuthTableScan filtered = AzimuthTableScan.filtered(scan.getCluster(), scan.table(),
        scan.definition(), columns, condition);
    if (filtered != null) {
      return filtered;
    }
    AzimuthTableScan narrow = AzimuthTableScan.create(scan.getCluster(), scan.table(),
        scan.definition(), columns, true);
    return builder.push(narrow).filter(condition).build();
  }

  /** A distance between a vector column (by table column index) and a constant. */
  record Match(VectorDistance distance, int column, RexNode query) {
    static @Nullable Match of(RexNode e, int[] scanColumns) {
      if (!(e instanceof RexCall call) || call.getOperands().size() != 2) {
        return null;
      }
      VectorDistance distance = RuntimeFunctions.distanceOf(call.getOperator());
      if (distance == null) {
        return null;
      }
      for (int i = 0; i < 2; i++) {
        RexNode a = call.getOperands().get(i);
        RexNode b = call.getOperands().get(1 - i);
        if (a instanceof RexInputRef ref && ref.getType() instanceof VectorSqlType
            && isConstant(b)) {
          return new Match(distance, scanColumns[ref.getIndex()], b);
        }
      }
      return null;
    }

    /**
     * Whether the query is the same for every row of the scan: it reads no column of it,
     * though it may read the outer row of a correlated search (one search per outer row).
     */
    static boolean isConstant(RexNode e) {
      if (!RelOptUtil.InputFinder.bits(e).isEmpty()) {
        return false;
      }
      boolean[] other = {false};
      e.accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
        @Override public Void visitFieldAccess(org.apache.calcite.rex.RexFieldAccess access) {
          if (!(access.getReferenceExpr() instanceof org.apache.calcite.rex.RexCorrelVariable)) {
            other[0] = true;
          }
          return super.visitFieldAccess(access);
        }
      });
      return !other[0];
    }
  }
}
