package dev.azimuth.planner.schema;

import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.TableDef;
import java.math.BigDecimal;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * Columns' DEFAULT values for Calcite: what an INSERT that leaves a column out, or writes
 * {@code DEFAULT}, puts in it. Immutable.
 */
final class ColumnDefaults extends NullInitializerExpressionFactory {
  private final TableDef def;

  ColumnDefaults(TableDef def) {
    this.def = def;
  }

  @Override public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
    ColumnDef c = def.columns().get(iColumn);
    return c.defaultText() != null ? ColumnStrategy.DEFAULT
        : c.nullable() || def.isHidden(iColumn) ? ColumnStrategy.NULLABLE
        : ColumnStrategy.NOT_NULLABLE;
  }

  @Override public RexNode newColumnDefaultValue(RelOptTable table, int iColumn,
      InitializerContext context) {
    ColumnDef c = def.columns().get(iColumn);
    Object v = c.defaultValue();
    RelDataType type = table.getRowType().getFieldList().get(iColumn).getType();
    RexBuilder rex = context.getRexBuilder();
    if (v == null) {
      return rex.makeNullLiteral(type);
    }
    Object literal = switch (c.type()) {
      case INTEGER, BIGINT, DECIMAL -> new BigDecimal(v.toString());
      case REAL, DOUBLE -> new BigDecimal(((Number) v).doubleValue());
      case VARCHAR -> new NlsString((String) v, "UTF-8", null);
      case DATE -> DateString.fromDaysSinceEpoch((Integer) v);
      case TIMESTAMP -> TimestampString.fromMillisSinceEpoch((Long) v);
      case BOOLEAN -> v;
      case VECTOR -> throw new IllegalStateException("vector defaults are refused by DDL");
    };
    return rex.makeLiteral(literal, type, true);
  }
}
