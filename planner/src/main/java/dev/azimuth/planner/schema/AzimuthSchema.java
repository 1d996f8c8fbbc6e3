package dev.azimuth.planner.schema;

import dev.azimuth.storage.Database;
import dev.azimuth.storage.IndexDef;
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
  public static final String NAME = "PUBLIC";

  private final Map<String, Table> tables;

  public AzimuthSchema(Database db) {
    Map<String, Table> map = new LinkedHashMap<>();
    List<IndexDef> indexes = db.indexes();
    for (TableDef def : db.tables()) {
      TableStore store = db.table(def.name()).orElseThrow();
      List<IndexDef> own = indexes.stream().filter(i -> i.tableId() == def.id()).toList();
      map.put(def.name(), new AzimuthTable(def, own, store::rowCount));
    }
    for (dev.azimuth.storage.ViewDef view : db.views()) {
      map.put(view.name(), new AzimuthView(view));
    }
    this.tables = Map.copyOf(map);
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }
}
