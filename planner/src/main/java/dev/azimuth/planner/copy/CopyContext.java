package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.planner.Prepared;
import dev.azimuth.planner.QueryResult;
import dev.azimuth.storage.Database;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.TableStore;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * What a COPY needs from its engine: the database, the import directory, the progress
 * registry, and (for COPY (query) TO) a way to prepare and run a query in the session.
 */
public interface CopyContext {
  Database database();

  ImportDirectory directory();

  CopyRegistry registry();

  /** Prepares a query in the COPY's session. */
  Prepared prepare(String sql);

  /** Runs a prepared query in the COPY's session. */
  QueryResult execute(Prepared prepared);

  /**
   * The store of a table named in a COPY, looked up as SQL does (exact name, then ignoring
   * case; in schema PUBLIC).
   *
   * @throws PlanningException 42P01 if there is none
   */
  default TableStore table(SqlIdentifier id) {
    String name = id.names.get(id.names.size() - 1);
    if (id.names.size() > 2) {
      throw new PlanningException(ErrorCode.UNDEFINED_TABLE, "table " + id + " does not exist");
    }
    if (id.names.size() == 2 && !id.names.get(0).equalsIgnoreCase("PUBLIC")) {
      String schema = database().schemas().stream()
          .filter(s -> s.equalsIgnoreCase(id.names.get(0))).findFirst()
          .orElseThrow(() -> new PlanningException(ErrorCode.INVALID_SCHEMA_NAME,
              "schema " + id.names.get(0) + " does not exist"));
      name = dev.azimuth.storage.SchemaNames.qualify(schema, name);
    }
    Optional<TableStore> exact = database().table(name);
    if (exact.isPresent()) {
      return exact.get();
    }
    for (TableDef t : database().tables()) {
      if (t.name().equalsIgnoreCase(name)) {
        return database().table(t.name()).orElseThrow();
      }
    }
    throw new PlanningException(ErrorCode.UNDEFINED_TABLE, "table " + name + " does not exist");
  }
}
