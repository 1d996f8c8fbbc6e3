package dev.azimuth.planner.schema;

import static java.util.Objects.requireNonNull;

import dev.azimuth.sql.type.AzimuthTypeFactory;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ViewDef;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view as Calcite sees it: the columns it was made with, and its query, expanded in place
 * (planned with the statement that uses it) through the converter's view expander. Immutable.
 */
public final class AzimuthView extends AbstractTable implements TranslatableTable {
  private final ViewDef def;

  public AzimuthView(ViewDef def) {
    this.def = requireNonNull(def, "def");
  }

  public ViewDef definition() {
    return def;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (ColumnDef c : def.columns()) {
      b.add(c.name(), TypeMapping.toSql((AzimuthTypeFactory) typeFactory, c));
    }
    return b.build();
  }

  @Override public Schema.TableType getJdbcTableType() {
    return Schema.TableType.VIEW;
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return context.expandView(relOptTable.getRowType(), def.sql(),
        List.of(AzimuthSchema.NAME), relOptTable.getQualifiedName()).project();
  }
}
