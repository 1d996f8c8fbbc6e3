package dev.azimuth.storage;

import java.util.Collection;

/**
 * How tables and views of schemas other than PUBLIC are named in the catalog: {@code S.T}, the
 * schema and the name joined by a dot; a PUBLIC table's name is its name alone, as it always
 * was. Stateless.
 */
public final class SchemaNames {
  /** The schema tables live in unless another is named. */
  public static final String PUBLIC = "PUBLIC";

  private SchemaNames() {}

  /** The catalog name of a table or view {@code name} of {@code schema}. */
  public static String qualify(String schema, String name) {
    return schema.equals(PUBLIC) ? name : schema + "." + name;
  }

  /** The schema of a catalog name, given the schemas there are (PUBLIC if none matches). */
  public static String schemaOf(String stored, Collection<String> schemas) {
    int dot = stored.indexOf('.');
    return dot > 0 && schemas.contains(stored.substring(0, dot)) ? stored.substring(0, dot)
        : PUBLIC;
  }

  /** The name within its schema of a catalog name. */
  public static String nameOf(String stored, Collection<String> schemas) {
    String schema = schemaOf(stored, schemas);
    return schema.equals(PUBLIC) ? stored : stored.substring(schema.length() + 1);
  }
}
