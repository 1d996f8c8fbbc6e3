package dev.azimuth.planner.schema;

import static java.util.Objects.requireNonNull;

import dev.azimuth.planner.rel.AzimuthTableScan;
import dev.azimuth.sql.type.AzimuthTypeFactory;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.TableDef;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A stored table as Calcite sees it: its row type, its statistics, and how to scan it. The
 * definition is fixed at construction; a schema change makes a new instance.
 */
public final class AzimuthTable extends AbstractTable implements TranslatableTable {
  private final TableDef def;
  private final List<IndexDef> indexes;
  private final LongSupplier rowCount;

  /**
   * @param indexes  the table's indexes, vector and FULLTEXT
   * @param rowCount live row count, read when the planner asks (so estimates follow the data
   *                 while the definition stays fixed)
   */
  public AzimuthTable(TableDef def, List<IndexDef> indexes, LongSupplier rowCount) {
    this.def = requireNonNull(def, "def");
    this.indexes = List.copyOf(indexes);
    this.rowCount = requireNonNull(rowCount, "rowCount");
  }

  public TableDef definition() {
    return def;
  }

  /** The table's indexes, vector and FULLTEXT, oldest first. */
  public List<IndexDef> indexes() {
    return indexes;
  }

  /** The FULLTEXT index on a column (there is at most one), or null. */
  public IndexDef fullTextIndex(int column) {
    for (IndexDef index : indexes) {
      if (index.fullText() && index.column() == column) {
        return index;
      }
    }
    return null;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.rowType((AzimuthTypeFactory) typeFactory, def);
  }

  @Override public Statistic getStatistic() {
    return Statistics.of(rowCount.getAsLong(), List.of(ImmutableBitSet.of(def.primaryKey())),
        List.of(RelCollations.of(def.primaryKey())));
  }

  /** Calcite asks for the columns' DEFAULTs through this. */
  @Override public <C extends Object> C unwrap(Class<C> type) {
    if (type == org.apache.calcite.sql2rel.InitializerExpressionFactory.class) {
      return type.cast(new ColumnDefaults(def));
    }
    return super.unwrap(type);
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return AzimuthTableScan.full(context.getCluster(), relOptTable, def);
  }
}
