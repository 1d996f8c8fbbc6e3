package dev.azimuth.planner.schema;

import dev.azimuth.storage.Database;
import dev.azimuth.storage.SchemaNames;
import java.util.List;

/**
 * A table's or view's name as SQL text the planner writes for itself (CREATE TABLE ... AS
 * SELECT's INSERT, COPY ... TO's SELECT): schema and name, each quoted, so any spelling
 * survives re-parsing.
 */
public final class QualifiedName {
  private QualifiedName() {}

  /** {@code "S"."T"} for the catalog name {@code stored}. */
  public static String sql(Database db, String stored) {
    List<String> schemas = db.schemas();
    return quote(SchemaNames.schemaOf(stored, schemas)) + "."
        + quote(SchemaNames.nameOf(stored, schemas));
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
