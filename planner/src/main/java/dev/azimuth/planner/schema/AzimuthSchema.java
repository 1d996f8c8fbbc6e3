package dev.azimuth.planner.schema;

import dev.azimuth.storage.Database;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.SchemaNames;
import java.util.List;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The user tables and views of a database, as of one catalog version, as a Calcite schema.
 * Immutable:
 * a catalog change makes a new one.
 */
public final class AzimuthSchema extends AbstractSchema {
  /** The name of the schema holding user tables. */
  public static final String NAME = SchemaNames.PUBLIC;

  private final Map<String, Table> tables;

  /** @param schema PUBLIC, or a schema made with CREATE SCHEMA */
  public AzimuthSchema(Database db, String schema) {
    Map<String, Table> map = new LinkedHashMap<>();
    List<IndexDef> indexes = db.indexes();
    List<String> schemas = db.schemas();
    for (TableDef def : db.tables()) {
      if (!SchemaNames.schemaOf(def.name(), schemas).equals(schema)) {
        continue;
      }
      TableStore store = db.table(def.name()).orElseThrow();
      List<IndexDef> own = indexes.stream().filter(i -> i.tableId() == def.id()).toList();
      map.put(SchemaNames.nameOf(def.name(), schemas),
          new AzimuthTable(def, own, store::rowCount));
    }
    for (dev.azimuth.storage.ViewDef view : db.views()) {
      if (SchemaNames.schemaOf(view.name(), schemas).equals(schema)) {
        map.put(SchemaNames.nameOf(view.name(), schemas), new AzimuthView(view));
      }
    }
    this.tables = Map.copyOf(map);
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }
}
