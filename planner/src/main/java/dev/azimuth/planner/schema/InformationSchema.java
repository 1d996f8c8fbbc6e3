package dev.azimuth.planner.schema;

import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.Database;
import static dev.azimuth.storage.SchemaNames.nameOf;
import static dev.azimuth.storage.SchemaNames.schemaOf;
import dev.azimuth.storage.TableDef;
import dev.azimuth.storage.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code INFORMATION_SCHEMA}, the SQL standard's views of the catalog, with the columns tools
 * read (PostgreSQL's names): TABLES, COLUMNS, VIEWS, TABLE_CONSTRAINTS, KEY_COLUMN_USAGE and
 * SCHEMATA, for the user tables and views of every schema. Computed when read.
 */
public final class InformationSchema extends AbstractSchema {
  public static final String NAME = "INFORMATION_SCHEMA";
  /** What TABLE_CATALOG and the like say: the one database a connection reaches. */
  static final String CATALOG = "AZIMUTH";

  private final Map<String, Table> tables = Map.of(
      "TABLES", new SystemSchema.SystemTable(InformationSchema::tablesType,
          InformationSchema::tableRows),
      "COLUMNS", new SystemSchema.SystemTable(InformationSchema::columnsType,
          InformationSchema::columnRows),
      "VIEWS", new SystemSchema.SystemTable(InformationSchema::viewsType,
          InformationSchema::viewRows),
      "TABLE_CONSTRAINTS", new SystemSchema.SystemTable(InformationSchema::constraintsType,
          InformationSchema::constraintRows),
      "KEY_COLUMN_USAGE", new SystemSchema.SystemTable(InformationSchema::keyColumnsType,
          InformationSchema::keyColumnRows),
      "SCHEMATA", new SystemSchema.SystemTable(InformationSchema::schemataType,
          InformationSchema::schemaRows));

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }

  private static RelDataTypeFactory.FieldInfoBuilder text(RelDataTypeFactory f,
      String... names) {
    RelDataTypeFactory.FieldInfoBuilder b = f.builder();
    for (String n : names) {
      b.add(n, SqlTypeName.VARCHAR).nullable(true);
    }
    return b;
  }

  private static RelDataType tablesType(RelDataTypeFactory f) {
    return text(f, "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE").build();
  }

  private static List<Object[]> tableRows(Database db) {
    List<Object[]> rows = new ArrayList<>();
    List<String> schemas = db.schemas();
    for (TableDef t : db.tables()) {
      rows.add(new Object[] {CATALOG, schemaOf(t.name(), schemas), nameOf(t.name(), schemas),
          "BASE TABLE"});
    }
    for (ViewDef v : db.views()) {
      rows.add(new Object[] {CATALOG, schemaOf(v.name(), schemas), nameOf(v.name(), schemas),
          "VIEW"});
    }
    return rows;
  }

  private static RelDataType columnsType(RelDataTypeFactory f) {
    return text(f, "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME")
        .add("ORDINAL_POSITION", SqlTypeName.INTEGER)
        .add("COLUMN_DEFAULT", SqlTypeName.VARCHAR).nullable(true)
        .add("IS_NULLABLE", SqlTypeName.VARCHAR)
        .add("DATA_TYPE", SqlTypeName.VARCHAR)
        .add("CHARACTER_MAXIMUM_LENGTH", SqlTypeName.INTEGER).nullable(true)
        .add("NUMERIC_PRECISION", SqlTypeName.INTEGER).nullable(true)
        .add("NUMERIC_SCALE", SqlTypeName.INTEGER).nullable(true)
        .add("VECTOR_DIMENSIONS", SqlTypeName.INTEGER).nullable(true)
        .build();
  }

  private static List<Object[]> columnRows(Database db) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef t : db.tables()) {
      List<ColumnDef> visible = new ArrayList<>();
      for (int i : t.visibleColumns()) {
        visible.add(t.columns().get(i));
      }
      addColumns(rows, t.name(), visible, db.schemas());
    }
    for (ViewDef v : db.views()) {
      addColumns(rows, v.name(), v.columns(), db.schemas());
    }
    return rows;
  }

  private static void addColumns(List<Object[]> rows, String table, List<ColumnDef> columns,
      List<String> schemas) {
    for (int i = 0; i < columns.size(); i++) {
      ColumnDef c = columns.get(i);
      ColumnType type = c.type();
      String dataType = switch (type) {
        case VARCHAR -> "CHARACTER VARYING";
        case DOUBLE -> "DOUBLE PRECISION";
        default -> type.name();
      };
      String defaultText = c.defaultText() == null ? null
          : type == ColumnType.VARCHAR ? "'" + c.defaultText().replace("'", "''") + "'"
          : c.defaultText();
      rows.add(new Object[] {CATALOG, schemaOf(table, schemas), nameOf(table, schemas),
          c.name(), i + 1,
          defaultText, c.nullable() ? "YES" : "NO", dataType,
          type == ColumnType.VARCHAR && c.precision() >= 0 ? Integer.valueOf(c.precision())
              : null,
          switch (type) {
            case INTEGER -> 32;
            case BIGINT -> 64;
            case REAL -> 24;
            case DOUBLE -> 53;
            case DECIMAL -> c.precision();
            default -> null;
          },
          type == ColumnType.DECIMAL ? Integer.valueOf(c.scale())
              : type == ColumnType.INTEGER || type == ColumnType.BIGINT ? Integer.valueOf(0)
              : null,
          type == ColumnType.VECTOR ? Integer.valueOf(c.dimension()) : null});
    }
  }

  private static RelDataType viewsType(RelDataTypeFactory f) {
    return text(f, "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION",
        "CHECK_OPTION", "IS_UPDATABLE").build();
  }

  private static List<Object[]> viewRows(Database db) {
    List<Object[]> rows = new ArrayList<>();
    List<String> schemas = db.schemas();
    for (ViewDef v : db.views()) {
      rows.add(new Object[] {CATALOG, schemaOf(v.name(), schemas), nameOf(v.name(), schemas),
          v.sql(), "NONE", "NO"});
    }
    return rows;
  }

  private static RelDataType constraintsType(RelDataTypeFactory f) {
    return text(f, "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
        "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "CONSTRAINT_TYPE", "IS_DEFERRABLE",
        "INITIALLY_DEFERRED").build();
  }

  private static List<Object[]> constraintRows(Database db) {
    List<Object[]> rows = new ArrayList<>();
    List<String> schemas = db.schemas();
    for (TableDef t : db.tables()) {
      String schema = schemaOf(t.name(), schemas);
      String name = nameOf(t.name(), schemas);
      if (!t.hasHiddenKey()) {
        rows.add(new Object[] {CATALOG, schema, primaryKeyName(name), CATALOG, schema, name,
            "PRIMARY KEY", "NO", "NO"});
      }
      for (dev.azimuth.storage.UniqueKey k : t.uniqueKeys()) {
        rows.add(new Object[] {CATALOG, schema, k.name(), CATALOG, schema, name,
            k.primary() ? "PRIMARY KEY" : "UNIQUE", "NO", "NO"});
      }
    }
    return rows;
  }

  private static RelDataType keyColumnsType(RelDataTypeFactory f) {
    return text(f, "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
        "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME")
        .add("ORDINAL_POSITION", SqlTypeName.INTEGER).build();
  }

  private static List<Object[]> keyColumnRows(Database db) {
    List<Object[]> rows = new ArrayList<>();
    List<String> schemas = db.schemas();
    for (TableDef t : db.tables()) {
      String schema = schemaOf(t.name(), schemas);
      String name = nameOf(t.name(), schemas);
      if (!t.hasHiddenKey()) {
        rows.add(new Object[] {CATALOG, schema, primaryKeyName(name), CATALOG, schema, name,
            t.keyColumn().name(), 1});
      }
      for (dev.azimuth.storage.UniqueKey k : t.uniqueKeys()) {
        int[] columns = t.columnsOf(k);
        for (int i = 0; columns != null && i < columns.length; i++) {
          rows.add(new Object[] {CATALOG, schema, k.name(), CATALOG, schema, name,
              t.columns().get(columns[i]).name(), i + 1});
        }
      }
    }
    return rows;
  }

  private static RelDataType schemataType(RelDataTypeFactory f) {
    return text(f, "CATALOG_NAME", "SCHEMA_NAME", "SCHEMA_OWNER").build();
  }

  private static List<Object[]> schemaRows(Database db) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {CATALOG, AzimuthSchema.NAME, null});
    for (String s : db.schemas()) {
      rows.add(new Object[] {CATALOG, s, null});
    }
    rows.add(new Object[] {CATALOG, NAME, null});
    rows.add(new Object[] {CATALOG, SystemSchema.NAME, null});
    return rows;
  }

  /** The primary key's name (of the table's name within its schema). */
  static String primaryKeyName(String table) {
    return table + "_PKEY";
  }
}
