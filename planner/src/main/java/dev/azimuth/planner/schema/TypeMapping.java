package dev.azimuth.planner.schema;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.sql.type.AzimuthTypeFactory;
import dev.azimuth.sql.type.VectorSqlType;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Translation between storage column types and Calcite SQL types. Stateless. */
public final class TypeMapping {
  /** The types a column may have, as listed to people who ask for another. */
  public static final String SUPPORTED = "BOOLEAN, INTEGER, BIGINT, REAL, DOUBLE, "
      + "DECIMAL(p,s), VARCHAR[(n)], DATE, TIMESTAMP, VECTOR(n)";

  private TypeMapping() {}

  /** The SQL row type of a table. */
  public static RelDataType rowType(AzimuthTypeFactory typeFactory, TableDef table) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnDef c = table.columns().get(i);
      // A hidden row id is NULL in the rows an INSERT makes; storage assigns it.
      b.add(c.name(), toSql(typeFactory, table.isHidden(i) ? c.withNullable(true) : c));
    }
    return b.build();
  }

  public static RelDataType toSql(AzimuthTypeFactory f, ColumnDef c) {
    RelDataType t = switch (c.type()) {
      case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
      case INTEGER -> f.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
      case REAL -> f.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, c.precision(), c.scale());
      // Declared lengths are enforced by storage, which rejects a longer value as PostgreSQL
      // does; shown to Calcite, a length makes it cut longer strings silently instead.
      case VARCHAR -> f.createSqlType(SqlTypeName.VARCHAR);
      case DATE -> f.createSqlType(SqlTypeName.DATE);
      case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP);
      case VECTOR -> f.createVectorType(c.dimension());
    };
    return f.createTypeWithNullability(t, c.nullable());
  }

  /**
   * The column a view's result column of this type is shown as: as {@link #toColumn}, with the
   * types a query can make but a table cannot hold widened (CHAR to VARCHAR, TINYINT and
   * SMALLINT to INTEGER).
   */
  public static ColumnDef viewColumn(String name, RelDataType type) {
    SqlTypeName widened = switch (type.getSqlTypeName()) {
      case CHAR -> SqlTypeName.VARCHAR;
      case TINYINT, SMALLINT -> SqlTypeName.INTEGER;
      default -> null;
    };
    if (widened != null) {
      return new ColumnDef(0, name, widened == SqlTypeName.VARCHAR ? ColumnType.VARCHAR
          : ColumnType.INTEGER, -1, -1, type.isNullable());
    }
    return toColumn(name, type, type.isNullable());
  }

  /**
   * The column a declared SQL type becomes.
   *
   * @throws PlanningException for a type storage does not hold
   */
  public static ColumnDef toColumn(String name, RelDataType type, boolean nullable) {
    if (type instanceof VectorSqlType v) {
      if (!v.hasKnownDimension()) {
        throw new PlanningException(ErrorCode.INVALID_TABLE_DEFINITION,
            "column " + name + ": a VECTOR column needs a dimension, e.g. VECTOR(384)");
      }
      return new ColumnDef(0, name, ColumnType.VECTOR, v.dimension(), -1, nullable);
    }
    ColumnType ct = switch (type.getSqlTypeName()) {
      case BOOLEAN -> ColumnType.BOOLEAN;
      case INTEGER -> ColumnType.INTEGER;
      case BIGINT -> ColumnType.BIGINT;
      case REAL -> ColumnType.REAL;
      case DOUBLE, FLOAT -> ColumnType.DOUBLE;
      case DECIMAL -> ColumnType.DECIMAL;
      case VARCHAR -> ColumnType.VARCHAR;
      case DATE -> ColumnType.DATE;
      case TIMESTAMP -> ColumnType.TIMESTAMP;
      default -> throw new PlanningException(ErrorCode.FEATURE_NOT_SUPPORTED,
          "column " + name + ": type " + type + " is not supported; use one of " + SUPPORTED);
    };
    int precision = switch (ct) {
      case VARCHAR -> type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
          ? -1 : type.getPrecision();
      case DECIMAL -> type.getPrecision();
      default -> -1;
    };
    int scale = ct == ColumnType.DECIMAL ? type.getScale() : -1;
    return new ColumnDef(0, name, ct, precision, scale, nullable);
  }
}
