package dev.azimuth.planner.rel;

import dev.azimuth.planner.schema.AzimuthTable;

import dev.azimuth.planner.runtime.ScanRuntime;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
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
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a table in key order, projecting the listed columns; or, with each row's id (where its
 * vectors live) appended, segment by segment from memory in no key order, which vector search
 * uses to turn a filter into an accept-set.
 *
 * <p>Deliberately not a Calcite {@code TableScan}: the metadata Calcite derives for those
 * (unique keys, column origins) assumes the scan yields the table's row as it is, and would be
 * wrong for a scan of some columns.
 */
public final class AzimuthTableScan extends AbstractRelNode implements EnumerableRel {
  /** Name of the appended row-id column. */
  public static final String ROW_ID = "_ROWID";

  private final RelOptTable table;
  private final TableDef def;
  private final int[] columns;
  private final boolean withRowId;
  /** With the row id only: rows the scan itself filters out, on the column arrays. */
  private final @Nullable ScanFilter filter;
  /** With a filter only: the BTREE index range that finds the rows to check it on. */
  private final @Nullable IndexRange index;

  AzimuthTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, TableDef def,
      int[] columns, boolean withRowId, @Nullable ScanFilter filter,
      @Nullable IndexRange index) {
    super(cluster, traits);
    this.table = table;
    this.def = def;
    this.columns = columns;
    this.withRowId = withRowId;
    this.filter = filter;
    this.index = index;
  }

  /** A scan of every column, in table order. */
  public static AzimuthTableScan full(RelOptCluster cluster, RelOptTable table, TableDef def) {
    int[] all = new int[def.columns().size()];
    Arrays.setAll(all, i -> i);
    return create(cluster, table, def, all, false);
  }

  /** A scan of some columns, optionally with the row id appended. */
  public static AzimuthTableScan create(RelOptCluster cluster, RelOptTable table, TableDef def,
      int[] columns, boolean withRowId) {
    int keyPosition = -1;
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == def.primaryKey()) {
        keyPosition = i;
        break;
      }
    }
    List<RelCollation> collations = keyPosition < 0 || withRowId ? List.of()
        : List.of(RelCollations.of(keyPosition));
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE, () -> collations);
    return new AzimuthTableScan(cluster, traits, table, def, columns, withRowId, null, null);
  }

  /**
   * A scan of some columns with the row id, yielding only the rows that pass {@code condition}
   * (over this scan's fields) when the scan can evaluate it itself ({@link ScanFilter}); null
   * when it cannot. When a BTREE index of the table answers part of the condition, the scan
   * reads only the rows it finds ({@link IndexRange}).
   */
  static @Nullable AzimuthTableScan filtered(RelOptCluster cluster, RelOptTable table,
      TableDef def, int[] columns, RexNode condition) {
    ScanFilter filter = ScanFilter.of(cluster.getRexBuilder(), condition, def, columns);
    if (filter == null) {
      return null;
    }
    AzimuthTable azimuth = table.unwrap(AzimuthTable.class);
    IndexRange index = azimuth == null ? null : IndexRange.choose(cluster.getRexBuilder(),
        condition, def, columns, azimuth.indexes());
    return new AzimuthTableScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE),
        table, def, columns, true, filter, index);
  }

  /** Whether a BTREE index finds the rows this scan checks its filter on. */
  public boolean indexed() {
    return index != null;
  }

  /** The table scanned. */
  public RelOptTable table() {
    return table;
  }

  public TableDef definition() {
    return def;
  }

  /** Table column index of each output column (the row id excluded). */
  public int[] columns() {
    return columns.clone();
  }

  public boolean withRowId() {
    return withRowId;
  }

  /** Whether the scan drops rows itself ({@link ScanFilter}). */
  public boolean filtered() {
    return filter != null;
  }

  /** Whether this scan yields exactly the table's row, column for column. */
  public boolean isFull() {
    if (withRowId || filter != null || columns.length != def.columns().size()) {
      return false;
    }
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] != i) {
        return false;
      }
    }
    return true;
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new AzimuthTableScan(getCluster(), traitSet, table, def, columns, withRowId, filter,
        index);
  }

  @Override public RelDataType deriveRowType() {
    RelDataTypeFactory typeFactory = getCluster().getTypeFactory();
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (int c : columns) {
      b.add(fields.get(c));
    }
    if (withRowId) {
      b.add(ROW_ID, typeFactory.createSqlType(SqlTypeName.BIGINT));
    }
    return b.build();
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    List<String> names = new ArrayList<>();
    for (int c : columns) {
      names.add(def.columns().get(c).name());
    }
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .itemIf("columns", names, !isFull())
        .itemIf("rowId", true, withRowId)
        .itemIf("filter", filter == null ? "" : filter.condition(), filter != null)
        .itemIf("index", index == null ? "" : index.index().name() + " (BTREE)", index != null)
        .itemIf("index_range", index == null ? "" : index.shown(), index != null);
  }

  // At least one row, so that plans for an empty table are the plans for a full one.
  @Override public double estimateRowCount(RelMetadataQuery mq) {
    double rows = Math.max(1, table.getRowCount());
    return filter == null ? rows
        : Math.max(1, rows * RelMdUtil.guessSelectivity(filter.condition()));
  }

  // Cheaper with fewer columns, vectors weighing by their length, so that plans reading less
  // win. Volcano compares costs by row count alone, hence the weight goes there.
  @Override public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = Math.max(1, table.getRowCount());
    double read = 1 + (withRowId ? 1 : 0);
    for (int c : columns) {
      read += weight(c);
    }
    double all = 1;
    for (int c = 0; c < def.columns().size(); c++) {
      all += weight(c);
    }
    double width = read / all;
    if (index != null) {
      // Only the rows the index finds are read, plus a binary search per segment.
      rows = Math.max(1, rows * index.selectivity()) + Math.log(rows + 1);
    }
    return planner.getCostFactory().makeCost(rows * width, rows * width, rows * width);
  }

  private double weight(int column) {
    ColumnDef c = def.columns().get(column);
    return c.type() == ColumnType.VECTOR ? Math.max(1, c.dimension() / 16.0) : 1;
  }

  // A row of one column is that column's value (SCALAR): operators above, such as a sort,
  // derive their physical type from ours that way and pass our rows through unchanged.
  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType arrays = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, false);
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY);
    Expression root = implementor.getRootExpression();
    Expression scan = filter == null
        ? Expressions.call(ScanRuntime.class, "scan", root, Expressions.constant(def.id()),
            Expressions.constant(columns), Expressions.constant(withRowId))
        : index == null
        ? Expressions.call(ScanRuntime.class, "scanFiltered", root,
            Expressions.constant(def.id()), Expressions.constant(columns),
            Expressions.constant(filter.program()), filter.operandsExpression(root))
        : Expressions.call(ScanRuntime.class, "scanIndexed", root,
            Expressions.constant(def.id()), Expressions.constant(columns),
            Expressions.constant(filter.program()), filter.operandsExpression(root),
            index.probeExpression(), index.operandsExpression(root));
    return implementor.result(physType,
        Blocks.toBlock(arrays.convertTo(scan, physType.getFormat())));
  }
}
