package dev.azimuth.jdbc.embedded;

import dev.azimuth.planner.Engine;
import dev.azimuth.planner.schema.AzimuthSchema;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.SchemaNames;
import dev.azimuth.storage.TableDef;
import dev.azimuth.sql.parser.AzimuthSqlParser;
import dev.azimuth.sql.type.VectorSqlType;
import java.io.StringReader;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;

/** The rows of DatabaseMetaData's catalog queries, built from the engine's catalog. */
final class Catalogs {
  private Catalogs() {}

  static Meta.MetaResultSet tables(AzimuthMeta meta, Engine engine, Meta.Pat schema,
      Meta.Pat table, List<String> types) {
    List<MetaImpl.MetaTable> rows = new ArrayList<>();
    boolean tables = types == null || types.stream().anyMatch("TABLE"::equalsIgnoreCase);
    boolean views = types == null || types.stream().anyMatch("VIEW"::equalsIgnoreCase);
    List<String> schemas = engine.schemas();
    for (TableDef t : tables ? engine.tables() : List.<TableDef>of()) {
      String s = SchemaNames.schemaOf(t.name(), schemas);
      String name = SchemaNames.nameOf(t.name(), schemas);
      if (matches(schema, s) && matches(table, name)) {
        rows.add(new MetaImpl.MetaTable(null, s, name, "TABLE"));
      }
    }
    for (dev.azimuth.storage.ViewDef v : views ? engine.views()
        : List.<dev.azimuth.storage.ViewDef>of()) {
      String s = SchemaNames.schemaOf(v.name(), schemas);
      String name = SchemaNames.nameOf(v.name(), schemas);
      if (matches(schema, s) && matches(table, name)) {
        rows.add(new MetaImpl.MetaTable(null, s, name, "VIEW"));
      }
    }
    // The order JDBC asks for: type, then schema, then name.
    rows.sort(java.util.Comparator.comparing((MetaImpl.MetaTable t) -> t.tableType)
        .thenComparing(t -> t.tableSchem).thenComparing(t -> t.tableName));
    return meta.records(MetaImpl.MetaTable.class, rows);
  }

  static Meta.MetaResultSet columns(AzimuthMeta meta, Engine engine, Meta.Pat schema,
      Meta.Pat table, Meta.Pat column) {
    List<MetaImpl.MetaColumn> rows = new ArrayList<>();
    List<String> schemas = engine.schemas();
    for (TableDef t : engine.tables()) {
      String s = SchemaNames.schemaOf(t.name(), schemas);
      String name = SchemaNames.nameOf(t.name(), schemas);
      if (!matches(schema, s) || !matches(table, name)) {
        continue;
      }
      int position = 0;
      for (int i : t.visibleColumns()) {
        ColumnDef c = t.columns().get(i);
        position++;
        if (matches(column, c.name())) {
          rows.add(column(s, name, c, position));
        }
      }
    }
    for (dev.azimuth.storage.ViewDef v : engine.views()) {
      String s = SchemaNames.schemaOf(v.name(), schemas);
      String name = SchemaNames.nameOf(v.name(), schemas);
      if (!matches(schema, s) || !matches(table, name)) {
        continue;
      }
      int position = 0;
      for (ColumnDef c : v.columns()) {
        position++;
        if (matches(column, c.name())) {
          rows.add(column(s, name, c, position));
        }
      }
    }
    // Stable: within one table the columns stay in their ordinal order.
    rows.sort(java.util.Comparator.comparing((MetaImpl.MetaColumn col) -> col.tableSchem)
        .thenComparing(col -> col.tableName));
    return meta.records(MetaImpl.MetaColumn.class, rows);
  }

  static Meta.MetaResultSet schemas(AzimuthMeta meta, Engine engine, Meta.Pat schema) {
    List<MetaImpl.MetaSchema> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    names.add(AzimuthSchema.NAME);
    names.addAll(engine.schemas());
    java.util.Collections.sort(names);
    for (String name : names) {
      if (matches(schema, name)) {
        rows.add(new MetaImpl.MetaSchema(null, name));
      }
    }
    return meta.records(MetaImpl.MetaSchema.class, rows);
  }

  private static MetaImpl.MetaColumn column(String schema, String table, ColumnDef c,
      int position) {
    int jdbcType = switch (c.type()) {
      case BOOLEAN -> Types.BOOLEAN;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case REAL -> Types.REAL;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.DECIMAL;
      case VARCHAR -> Types.VARCHAR;
      case DATE -> Types.DATE;
      case TIMESTAMP -> Types.TIMESTAMP;
      case VECTOR -> Types.OTHER;
    };
    Integer size = switch (c.type()) {
      case VARCHAR -> c.precision() < 0 ? null : c.precision();
      case DECIMAL, VECTOR -> c.precision();
      case INTEGER -> 10;
      case BIGINT -> 19;
      case REAL -> 7;
      case DOUBLE -> 15;
      case DATE -> 10;
      case TIMESTAMP -> 23;
      case BOOLEAN -> 1;
    };
    Integer digits = c.type() == dev.azimuth.storage.ColumnType.DECIMAL ? c.scale() : null;
    Integer radix = switch (c.type()) {
      case INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> 10;
      default -> null;
    };
    Integer octets = c.type() == dev.azimuth.storage.ColumnType.VARCHAR && c.precision() >= 0
        ? c.precision() * 4 : null;
    return new MetaImpl.MetaColumn(null, schema, table, c.name(), jdbcType,
        c.sqlType(), size, digits, radix, AzimuthMeta.nullability(c.nullable()), octets,
        position, c.nullable() ? "YES" : "NO", "NO", "NO");
  }

  /** Every SQL type a column can have, ordered by JDBC type code as the JDBC spec asks. */
  static List<MetaImpl.MetaTypeInfo> typeInfo() {
    short nullable = (short) DatabaseMetaData.typeNullable;
    short searchable = (short) DatabaseMetaData.typeSearchable;
    short unsearchable = (short) DatabaseMetaData.typePredNone;
    return List.of(
        type("BIGINT", Types.BIGINT, 19, null, nullable, false, searchable, 0, 0, 10),
        type("DECIMAL", Types.DECIMAL, 19, null, nullable, false, searchable, 0, 19, 10),
        type("INTEGER", Types.INTEGER, 10, null, nullable, false, searchable, 0, 0, 10),
        type("REAL", Types.REAL, 7, null, nullable, false, searchable, 0, 0, 10),
        type("DOUBLE", Types.DOUBLE, 15, null, nullable, false, searchable, 0, 0, 10),
        type("VARCHAR", Types.VARCHAR, 65536, "'", nullable, true, searchable, 0, 0, 0),
        type("BOOLEAN", Types.BOOLEAN, 1, null, nullable, false, searchable, 0, 0, 0),
        type("DATE", Types.DATE, 10, "DATE '", nullable, false, searchable, 0, 0, 0),
        type("TIMESTAMP", Types.TIMESTAMP, 23, "TIMESTAMP '", nullable, false, searchable, 0, 3,
            0),
        // Vectors cannot be compared: they appear in WHERE only inside a distance.
        type("VECTOR", Types.OTHER, VectorSqlType.MAX_DIMENSION, "'", nullable, false,
            unsearchable, 0, 0, 0));
  }

  private static MetaImpl.MetaTypeInfo type(String name, int jdbcType, int precision,
      String literalPrefix, short nullable, boolean caseSensitive, short searchable,
      int minimumScale, int maximumScale, int radix) {
    String suffix = literalPrefix == null ? null : "'";
    return new MetaImpl.MetaTypeInfo(name, jdbcType, precision, literalPrefix, suffix, nullable,
        caseSensitive, searchable, false, false, false, (short) minimumScale,
        (short) maximumScale, radix);
  }

  /** The grammar's keywords that SQL:92 does not reserve, comma-separated, as JDBC wants. */
  static String keywords() {
    return AzimuthSqlParser.CONFIG.parserFactory().getParser(new StringReader(""))
        .getMetadata().getJdbcKeywords();
  }

  /** JDBC search patterns: {@code %} any run, {@code _} one character, null matches all. */
  static boolean matches(Meta.Pat pattern, String name) {
    if (pattern == null || pattern.s == null) {
      return true;
    }
    StringBuilder regex = new StringBuilder();
    for (char ch : pattern.s.toCharArray()) {
      switch (ch) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches();
  }
}
