package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.TextRuntimeFunctions;
import dev.azimuth.planner.schema.AzimuthTable;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
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
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Recognises {@code ORDER BY BM25(column, constant) DESC LIMIT k [OFFSET m]} over a table, with
 * or without a WHERE, and plans an {@link AzimuthTextSearch} instead of scoring every row and
 * sorting. The WHERE's {@code TEXT_MATCH(column, constant)} conjuncts go to the search, which
 * answers them through the same segments; its other conjuncts become the search's input, a scan
 * of just their columns and the row id, as for vector search. With a FULLTEXT index on the
 * column (and no EXACT hint) sealed segments are searched through it.
 */
final class TextSearchRule extends RelRule<RuleConfig> {
  static final RuleConfig PROJECT_SCAN = RuleConfig.of("TextSearchRule(Project,Scan)",
      b0 -> b0.operand(LogicalSort.class).predicate(VectorSearchRule::isTopK).oneInput(b1 ->
          b1.operand(LogicalProject.class).oneInput(b2 ->
              b2.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId())
                  .noInputs())),
      TextSearchRule::new);

  static final RuleConfig PROJECT_FILTER_SCAN =
      RuleConfig.of("TextSearchRule(Project,Filter,Scan)",
          b0 -> b0.operand(LogicalSort.class).predicate(VectorSearchRule::isTopK).oneInput(b1 ->
              b1.operand(LogicalProject.class).oneInput(b2 ->
                  b2.operand(LogicalFilter.class).oneInput(b3 ->
                      b3.operand(AzimuthTableScan.class).predicate(s -> !s.withRowId())
                          .noInputs()))),
          TextSearchRule::new);

  private TextSearchRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    Project project = call.rel(1);
    Filter filter = call.rels.length == 4 ? call.rel(2) : null;
    AzimuthTableScan scan = call.rel(call.rels.length - 1);
    TableDef def = scan.definition();
    int[] scanColumns = scan.columns();

    RelFieldCollation order = sort.getCollation().getFieldCollations().get(0);
    if (!order.direction.isDescending()) {
      return;
    }
    RexNode key = project.getProjects().get(order.getFieldIndex());
    Integer column = searchedColumn(TextRuntimeFunctions.Call.of(key, TextRuntimeFunctions.BM25),
        def, scanColumns);
    if (column == null) {
      return;
    }
    RexNode query = ((RexCall) key).getOperands().get(1);
    List<AzimuthTextSearch.Match> matches = new ArrayList<>();
    List<RexNode> rest = new ArrayList<>();
    if (filter != null) {
      for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
        TextRuntimeFunctions.Call match =
            TextRuntimeFunctions.Call.of(conjunct, TextRuntimeFunctions.TEXT_MATCH);
        Integer matchColumn = searchedColumn(match, def, scanColumns);
        if (matchColumn != null) {
          matches.add(new AzimuthTextSearch.Match(matchColumn, match.query()));
        } else {
          rest.add(conjunct);
        }
      }
    }
    SearchHints hints = call.getPlanner().getContext().maybeUnwrap(SearchHints.class)
        .orElse(SearchHints.NONE);
    AzimuthTable table = scan.table().unwrap(AzimuthTable.class);
    IndexDef columnIndex = table == null ? null : table.fullTextIndex(column);
    IndexDef index = hints.exact() ? null : columnIndex;
    String analyzer = columnIndex == null ? "standard" : columnIndex.text().analyzer();
    AzimuthTextSearch.Spec spec = new AzimuthTextSearch.Spec(column, query,
        sort.offset == null ? 0 : RexLiteral.intValue(sort.offset),
        RexLiteral.intValue(sort.fetch), index, analyzer, !hints.exact(), List.copyOf(matches),
        index == null ? "exact" : "index");

    RelOptCluster cluster = scan.getCluster();
    RelNode filterInput = rest.isEmpty() ? null : VectorSearchRule.rowIdsPassing(call.builder(),
        scan, RexUtil.composeConjunction(cluster.getRexBuilder(), rest));
    int scoreField = def.columns().size();
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE, () -> List.of(RelCollations.of(
            new RelFieldCollation(scoreField, order.direction, order.nullDirection))));

    // The search yields the table row plus the score: re-aim the projection at it.
    RexNode scoreRef = new RexInputRef(scoreField, key.getType());
    List<RexNode> projects = new RexShuttle() {
      @Override public RexNode visitCall(RexCall c) {
        return c.equals(key) ? scoreRef : super.visitCall(c);
      }

      @Override public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(scanColumns[ref.getIndex()], ref.getType());
      }
    }.apply(project.getProjects());
    // The projection is the search's only consumer: columns it does not use are not fetched.
    ImmutableBitSet read = RelOptUtil.InputFinder.bits(projects, null).clear(scoreField);
    AzimuthTextSearch search = new AzimuthTextSearch(cluster, traits,
        filterInput == null ? null : convert(filterInput,
            cluster.traitSetOf(EnumerableConvention.INSTANCE)),
        scan.table(), def, spec, read);
    call.transformTo(call.builder().push(search)
        .project(projects, project.getRowType().getFieldNames(), true).build());
    // Same rows, found without scoring and sorting every row: the generic plan need not compete.
    call.getPlanner().prune(sort);
  }

  /**
   * The table column a text function call searches, when it is a call on a column of this scan
   * with constant words; else null.
   */
  static @Nullable Integer searchedColumn(TextRuntimeFunctions.@Nullable Call call,
      TableDef def, int[] scanColumns) {
    if (call == null || call.tableId() != def.id()
        || !(call.text() instanceof RexInputRef ref) || scanColumns[ref.getIndex()] != call.column()
        || !VectorSearchRule.Match.isConstant(call.query())) {
      return null;
    }
    return call.column();
  }
}
