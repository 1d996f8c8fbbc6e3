package dev.azimuth.planner.prepare;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.planner.schema.AzimuthSchema;
import dev.azimuth.planner.schema.TypeMapping;
import dev.azimuth.sql.ddl.SqlAlterTable;
import dev.azimuth.sql.ddl.SqlColumnDeclaration;
import dev.azimuth.sql.ddl.SqlCreateIndex;
import dev.azimuth.sql.ddl.SqlCreateTable;
import dev.azimuth.sql.ddl.SqlCreateView;
import dev.azimuth.sql.ddl.SqlDropIndex;
import dev.azimuth.sql.ddl.SqlDropTable;
import dev.azimuth.sql.ddl.SqlDropView;
import dev.azimuth.sql.ddl.SqlKeyConstraint;
import dev.azimuth.sql.ddl.SqlTruncateTable;
import dev.azimuth.storage.Alteration;
import dev.azimuth.storage.SchemaNames;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Runs CREATE/DROP TABLE, ALTER TABLE, TRUNCATE and CREATE/DROP INDEX against the catalog.
 * Stateless.
 */
public final class DdlExecutor {
  private DdlExecutor() {}

  /** Whether the statement is DDL this executor runs. */
  public static boolean handles(SqlNode node) {
    return node instanceof SqlCreateTable || node instanceof SqlDropTable
        || node instanceof SqlCreateIndex || node instanceof SqlDropIndex
        || node instanceof SqlAlterTable || node instanceof SqlTruncateTable
        || node instanceof SqlCreateView || node instanceof SqlDropView
        || node instanceof dev.azimuth.sql.ddl.SqlCreateSchema
        || node instanceof dev.azimuth.sql.ddl.SqlDropSchema;
  }

  /**
   * Runs a DDL statement.
   *
   * @param validator turns written types into SQL types, and validates a view's query
   * @param text      the statement's text as the parser read it (a view keeps its query's)
   */
  public static void execute(Database db, SqlValidator validator, SqlNode node, String text) {
    switch (node) {
      case SqlCreateView create -> createView(db, validator, create, text);
      case dev.azimuth.sql.ddl.SqlCreateSchema create -> {
        String name = create.name().getSimple();
        boolean exists = name.equalsIgnoreCase(SchemaNames.PUBLIC)
            || db.schemas().stream().anyMatch(name::equalsIgnoreCase);
        if (exists && !create.ifNotExists) {
          throw new PlanningException(ErrorCode.DUPLICATE_SCHEMA,
              "schema " + name + " already exists");
        }
        if (!exists) {
          db.createSchema(name);
        }
      }
      case dev.azimuth.sql.ddl.SqlDropSchema drop -> {
        String name = drop.name().getSimple();
        if (name.equalsIgnoreCase(SchemaNames.PUBLIC)) {
          throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
              "schema PUBLIC cannot be dropped");
        }
        String stored = db.schemas().stream().filter(name::equalsIgnoreCase).findFirst()
            .orElse(name);
        if (!db.dropSchema(stored, drop.cascade()) && !drop.ifExists) {
          throw new PlanningException(ErrorCode.INVALID_SCHEMA_NAME,
              "schema " + name + " does not exist");
        }
      }
      case SqlDropView drop -> {
        String name = tableName(db, drop.name());
        if (!db.dropView(name) && !drop.ifExists) {
          throw new PlanningException(db.table(name).isPresent()
              ? ErrorCode.WRONG_OBJECT_TYPE : ErrorCode.UNDEFINED_TABLE, db.table(name).isPresent()
              ? name + " is a table, not a view: use DROP TABLE"
              : "view " + name + " does not exist");
        }
      }
      case SqlCreateTable create -> createTable(db, validator, create);
      case SqlDropTable drop -> {
        String name = tableName(db, drop.name());
        if (db.table(name).isEmpty()
            && db.views().stream().anyMatch(v -> v.name().equals(name))) {
          throw new PlanningException(ErrorCode.WRONG_OBJECT_TYPE,
              name + " is a view, not a table: use DROP VIEW");
        }
        if (!db.dropTable(name) && !drop.ifExists) {
          throw new PlanningException(ErrorCode.UNDEFINED_TABLE,
              "table " + name + " does not exist");
        }
      }
      case SqlCreateIndex create -> IndexDdl.create(db, create);
      case SqlAlterTable alter -> alterTable(db, validator, alter);
      case SqlTruncateTable truncate -> {
        String name = tableName(db, truncate.name());
        if (db.table(name).isEmpty()) {
          throw new PlanningException(ErrorCode.UNDEFINED_TABLE,
              "table " + name + " does not exist");
        }
        db.truncateTable(name);
      }
      case SqlDropIndex drop -> {
        String name = drop.name().getSimple();
        if (!db.dropIndex(name) && !drop.ifExists) {
          throw new PlanningException(ErrorCode.UNDEFINED_OBJECT,
              "index " + name + " does not exist");
        }
      }
      default -> throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
          "unsupported DDL statement " + node.getKind());
    }
  }

  private static void createTable(Database db, SqlValidator validator, SqlCreateTable create) {
    if (create.getReplace()) {
      throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
          "CREATE OR REPLACE TABLE is not supported; DROP the table first");
    }
    String name = tableName(db, create.name());
    if (db.table(name).isPresent()) {
      if (create.ifNotExists) {
        return;
      }
      throw new PlanningException(ErrorCode.DUPLICATE_TABLE, "table " + name + " already exists");
    }
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<String> keys = new ArrayList<>();
    String keyName = null;
    // Each UNIQUE: its name (null until made) and its columns' names.
    List<java.util.Map.Entry<String, List<String>>> uniques = new ArrayList<>();
    for (SqlNode element : create.elements()) {
      if (element instanceof SqlColumnDeclaration c) {
        String column = c.name().getSimple();
        if (column.equals(dev.azimuth.storage.TableDef.HIDDEN_KEY)) {
          throw new PlanningException(ErrorCode.INVALID_TABLE_DEFINITION, "column name "
              + column + " is reserved for the row id of tables without a primary key");
        }
        if (!names.add(column)) {
          throw new PlanningException(ErrorCode.INVALID_TABLE_DEFINITION,
              "column " + column + " is declared more than once");
        }
        columns.add(column(validator, c));
        if (c.primaryKey()) {
          keys.add(column);
        }
        if (c.unique()) {
          uniques.add(new java.util.AbstractMap.SimpleEntry<>(null, List.of(column)));
        }
      } else if (element instanceof SqlKeyConstraint key) {
        List<String> listed = key.columns().stream().map(SqlIdentifier::getSimple).toList();
        if (key.primary()) {
          if (!keys.isEmpty()) {
            throw new PlanningException(ErrorCode.INVALID_TABLE_DEFINITION, "table " + name
                + " declares more than one primary key");
          }
          keys.addAll(listed);
          keyName = key.constraintName();
        } else {
          uniques.add(new java.util.AbstractMap.SimpleEntry<>(key.constraintName(), listed));
        }
      }
    }
    if (new HashSet<>(keys).size() != keys.size()) {
      throw new PlanningException(ErrorCode.DUPLICATE_COLUMN, "a column appears twice in the "
          + "primary key of " + name);
    }
    List<dev.azimuth.storage.UniqueKey> uniqueKeys = new ArrayList<>();
    for (var u : uniques) {
      int[] at = positions(columns, u.getValue(), name);
      if (keys.size() == 1 && u.getValue().equals(keys)) {
        continue;  // the primary key is unique already
      }
      String constraint = u.getKey() != null ? u.getKey()
          : name + "_" + String.join("_", u.getValue()) + "_KEY";
      uniqueKeys.add(new dev.azimuth.storage.UniqueKey(constraint,
          java.util.Arrays.stream(at).boxed().toList(), false));
    }
    if (keys.size() != 1) {
      if (keys.size() > 1) {
        // A key of several columns: they are NOT NULL and unique, over a hidden row id.
        int[] at = positions(columns, keys, name);
        for (int i : at) {
          columns.set(i, columns.get(i).withNullable(false));
        }
        uniqueKeys.add(0, new dev.azimuth.storage.UniqueKey(
            keyName != null ? keyName : name + "_PKEY",
            java.util.Arrays.stream(at).boxed().toList(), true));
      }
      // No declared key (or several columns): rows are keyed by a row id storage assigns,
      // hidden from SELECT *.
      columns.add(new ColumnDef(0, dev.azimuth.storage.TableDef.HIDDEN_KEY,
          dev.azimuth.storage.ColumnType.BIGINT, -1, -1, false));
      db.createTable(name, columns, columns.size() - 1, uniqueKeys);
      return;
    }
    int keyIndex = positions(columns, keys, name)[0];
    columns.set(keyIndex, columns.get(keyIndex).withNullable(false));
    db.createTable(name, columns, keyIndex, uniqueKeys);
  }

  /**
   * Creates the table of CREATE TABLE ... AS from its query's columns (without a key: rows get
   * a hidden row id).
   *
   * @return the table's name, or null if IF NOT EXISTS found it there
   */
  public static String createTableAs(Database db, SqlValidator validator,
      SqlCreateTable create, String query) {
    String name = tableName(db, create.name());
    if (db.table(name).isPresent()) {
      if (create.ifNotExists) {
        return null;
      }
      throw new PlanningException(ErrorCode.DUPLICATE_TABLE, "table " + name + " already exists");
    }
    SqlNode validated = validator.validate(dev.azimuth.sql.parser.AzimuthSqlParser.parse(query));
    RelDataType rowType = validator.getValidatedNodeType(validated);
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (var field : rowType.getFieldList()) {
      if (!seen.add(field.getName())) {
        throw new PlanningException(ErrorCode.DUPLICATE_COLUMN, "column " + field.getName()
            + " appears more than once in the query of CREATE TABLE " + name + " AS");
      }
      columns.add(TypeMapping.viewColumn(field.getName(), field.getType()).withNullable(true));
    }
    columns.add(new ColumnDef(0, dev.azimuth.storage.TableDef.HIDDEN_KEY,
        dev.azimuth.storage.ColumnType.BIGINT, -1, -1, false));
    db.createTable(name, columns, columns.size() - 1);
    return name;
  }

  /** The indexes of the named columns. */
  private static int[] positions(List<ColumnDef> columns, List<String> names, String table) {
    int[] at = new int[names.size()];
    for (int n = 0; n < at.length; n++) {
      at[n] = -1;
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(names.get(n))) {
          at[n] = i;
        }
      }
      if (at[n] < 0) {
        throw new PlanningException(ErrorCode.UNDEFINED_COLUMN,
            "key column " + names.get(n) + " is not a column of " + table);
      }
    }
    return at;
  }

  private static void createView(Database db, SqlValidator validator, SqlCreateView create,
      String text) {
    String name = tableName(db, create.name());
    if (db.table(name).isPresent()) {
      throw new PlanningException(ErrorCode.DUPLICATE_TABLE, "a table named " + name
          + " already exists");
    }
    String query = create.queryText(text);
    SqlNode validated = validator.validate(dev.azimuth.sql.parser.AzimuthSqlParser.parse(query));
    RelDataType rowType = validator.getValidatedNodeType(validated);
    List<String> names = new ArrayList<>(rowType.getFieldNames());
    if (create.columns() != null) {
      if (create.columns().size() != names.size()) {
        throw new PlanningException(ErrorCode.SYNTAX_ERROR, "view " + name + " names "
            + create.columns().size() + " columns but its query has " + names.size());
      }
      for (int i = 0; i < names.size(); i++) {
        names.set(i, ((SqlIdentifier) create.columns().get(i)).getSimple());
      }
    }
    Set<String> seen = new HashSet<>();
    List<ColumnDef> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (!seen.add(names.get(i))) {
        throw new PlanningException(ErrorCode.DUPLICATE_COLUMN, "column " + names.get(i)
            + " appears more than once in view " + name);
      }
      columns.add(TypeMapping.viewColumn(names.get(i),
          rowType.getFieldList().get(i).getType()));
    }
    db.createView(new dev.azimuth.storage.ViewDef(name, query, columns), create.getReplace());
  }

  /** A declared column, with its DEFAULT evaluated. */
  private static ColumnDef column(SqlValidator validator, SqlColumnDeclaration c) {
    String name = c.name().getSimple();
    RelDataType type = c.dataType().deriveType(validator);
    ColumnDef column = TypeMapping.toColumn(name, type, !c.notNull() && !c.primaryKey());
    if (c.defaultValue() == null) {
      return column;
    }
    Object value = DefaultValues.of(c.defaultValue(), column);
    if (value != null && column.type() == dev.azimuth.storage.ColumnType.VECTOR) {
      throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED, "column " + name
          + ": a VECTOR column cannot have a DEFAULT other than NULL");
    }
    return column.withDefault(value);
  }

  private static void alterTable(Database db, SqlValidator validator, SqlAlterTable alter) {
    String table = tableName(db, alter.table());
    var store = db.table(table);
    if (store.isEmpty()) {
      if (alter.ifExists()) {
        return;
      }
      throw new PlanningException(ErrorCode.UNDEFINED_TABLE,
          "table " + table + " does not exist");
    }
    var def = store.get().definition();
    String column = alter.name() == null ? null : alter.name().getSimple();
    Alteration change = switch (alter.action()) {
      case ADD_COLUMN -> {
        SqlColumnDeclaration declared = alter.column();
        if (declared.primaryKey()) {
          throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED, "ADD COLUMN "
              + declared.name() + " PRIMARY KEY: a table's primary key cannot change");
        }
        if (alter.ifColumn() && def.indexOf(declared.name().getSimple()) >= 0) {
          yield null;
        }
        ColumnDef added = column(validator, declared);
        yield new Alteration.AddColumn(added);
      }
      case DROP_COLUMN -> alter.ifColumn() && def.indexOf(column) < 0 ? null
          : new Alteration.DropColumn(column);
      case RENAME_COLUMN -> new Alteration.RenameColumn(column, alter.newName().getSimple());
      case RENAME_TABLE -> new Alteration.RenameTable(alter.newName().names.size() == 1
          ? SchemaNames.qualify(SchemaNames.schemaOf(table, db.schemas()),
              alter.newName().getSimple())
          : tableName(db, alter.newName()));
      case SET_NOT_NULL -> new Alteration.SetNotNull(column, true);
      case DROP_NOT_NULL -> new Alteration.SetNotNull(column, false);
      case SET_DEFAULT -> {
        int i = def.indexOf(column);
        if (i < 0) {
          throw new PlanningException(ErrorCode.UNDEFINED_COLUMN, "column " + column
              + " of table " + table + " does not exist");
        }
        Object value = DefaultValues.of(alter.value(), def.columns().get(i));
        if (value != null && def.columns().get(i).type() == dev.azimuth.storage.ColumnType.VECTOR) {
          throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED, "column " + column
              + ": a VECTOR column cannot have a DEFAULT other than NULL");
        }
        yield new Alteration.SetDefault(column, value);
      }
      case DROP_DEFAULT -> new Alteration.SetDefault(column, null);
    };
    if (change != null) {
      db.alterTable(table, change);
    }
  }

  /**
   * The catalog name of a table or view named in DDL: {@code name} or {@code PUBLIC.name} is
   * the PUBLIC one, {@code s.name} the one of schema {@code s} ({@link SchemaNames}).
   *
   * @throws PlanningException 3F000 for a schema that does not exist
   */
  static String tableName(Database db, SqlIdentifier id) {
    if (id.names.size() == 1) {
      return id.getSimple();
    }
    if (id.names.size() == 2) {
      String schema = id.names.get(0);
      if (schema.equalsIgnoreCase(SchemaNames.PUBLIC)) {
        return id.names.get(1);
      }
      for (String s : db.schemas()) {
        if (s.equalsIgnoreCase(schema)) {
          return SchemaNames.qualify(s, id.names.get(1));
        }
      }
      throw new PlanningException(ErrorCode.INVALID_SCHEMA_NAME,
          "schema " + schema + " does not exist");
    }
    throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
        "a table is named schema.table at most; " + id + " has more parts");
  }

}
