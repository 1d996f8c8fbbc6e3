package dev.azimuth.jdbc.embedded;

import dev.azimuth.planner.Engine;
import dev.azimuth.planner.schema.AzimuthSchema;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.TableDef;
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
    if (tables && matches(schema, AzimuthSchema.NAME)) {
      for (TableDef t : engine.tables()) {
        if (matches(table, t.name())) {
          rows.add(new MetaImpl.MetaTable(null, AzimuthSchema.NAME, t.name(), "TABLE"));
        }
      }
    }
    return meta.records(MetaImpl.MetaTable.class, rows);
  }

  static Meta.MetaResultSet columns(AzimuthMeta meta, Engine engine, Meta.Pat schema,
      Meta.Pat table, Meta.Pat column) {
    List<MetaImpl.MetaColumn> rows = new ArrayList<>();
    if (matches(schema, AzimuthSchema.NAME)) {
      for (TableDef t : engine.tables()) {
        if (!matches(table, t.name())) {
          continue;
        }
        int position = 0;
        for (ColumnDef c : t.columns()) {
          position++;
          if (matches(column, c.name())) {
            rows.add(column(t, c, position));
          }
        }
      }
    }
    return meta.records(MetaImpl.MetaColumn.class, rows);
  }

  static Meta.MetaResultSet schemas(AzimuthMeta meta, Meta.Pat schema) {
    List<MetaImpl.MetaSchema> rows = new ArrayList<>();
    if (matches(schema, AzimuthSchema.NAME)) {
      rows.add(new MetaImpl.MetaSchema(null, AzimuthSchema.NAME));
    }
    return meta.records(MetaImpl.MetaSchema.class, rows);
  }

  private static MetaImpl.MetaColumn column(TableDef t, ColumnDef c, int position) {
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
    return new MetaImpl.MetaColumn(null, AzimuthSchema.NAME, t.name(), c.name(), jdbcType,
        c.sqlType(), size, digits, radix, AzimuthMeta.nullability(c.nullable()), octets,
        position, c.nullable() ? "YES" : "NO", "NO", "NO");
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
