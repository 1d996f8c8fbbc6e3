package dev.azimuth.jdbc.embedded;

import dev.azimuth.sql.type.VectorSqlType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ColumnMetaData.Rep;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How SQL types look to JDBC: the {@link Types} code, the type name, and the Java form of the
 * values (Calcite's internal one, which Avatica's accessors convert: DATE as days, TIMESTAMP as
 * milliseconds). A vector is {@link Types#OTHER} named {@code VECTOR(n)}, as pgvector's
 * {@code vector} is OTHER to PostgreSQL's driver. Stateless.
 */
final class ColumnTypes {
  /** Prefix of the type name of every vector column. */
  static final String VECTOR = "VECTOR";

  private ColumnTypes() {}

  static ColumnMetaData column(int ordinal, String label, RelDataType type) {
    int precision = type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
        ? 0 : type.getPrecision();
    int scale = type.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : type.getScale();
    if (type instanceof VectorSqlType v) {
      precision = Math.max(v.dimension(), 0);
      scale = 0;
    }
    ColumnMetaData.AvaticaType avaticaType = avaticaType(type);
    boolean signed = switch (type.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, FLOAT, DECIMAL -> true;
      default -> false;
    };
    int nullable = type.isNullable() ? DatabaseMetaData.columnNullable
        : DatabaseMetaData.columnNoNulls;
    return new ColumnMetaData(ordinal, false, true, true, false, nullable, signed,
        displaySize(type), label, label, null, precision, scale, null, null, avaticaType,
        true, false, false, avaticaType.columnClassName());
  }

  static ColumnMetaData.AvaticaType avaticaType(RelDataType type) {
    if (type instanceof VectorSqlType v) {
      return ColumnMetaData.scalar(Types.OTHER, typeName(type), Rep.OBJECT);
    }
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case BOOLEAN -> ColumnMetaData.scalar(Types.BOOLEAN, "BOOLEAN", Rep.BOOLEAN);
      case TINYINT -> ColumnMetaData.scalar(Types.TINYINT, "TINYINT", Rep.BYTE);
      case SMALLINT -> ColumnMetaData.scalar(Types.SMALLINT, "SMALLINT", Rep.SHORT);
      case INTEGER -> ColumnMetaData.scalar(Types.INTEGER, "INTEGER", Rep.INTEGER);
      case BIGINT -> ColumnMetaData.scalar(Types.BIGINT, "BIGINT", Rep.LONG);
      case REAL -> ColumnMetaData.scalar(Types.REAL, "REAL", Rep.FLOAT);
      case DOUBLE, FLOAT -> ColumnMetaData.scalar(Types.DOUBLE, "DOUBLE", Rep.DOUBLE);
      case DECIMAL -> ColumnMetaData.scalar(Types.DECIMAL, "DECIMAL", Rep.NUMBER);
      case CHAR -> ColumnMetaData.scalar(Types.CHAR, "CHAR", Rep.STRING);
      case VARCHAR -> ColumnMetaData.scalar(Types.VARCHAR, "VARCHAR", Rep.STRING);
      case DATE -> ColumnMetaData.scalar(Types.DATE, "DATE", Rep.INTEGER);
      case TIME -> ColumnMetaData.scalar(Types.TIME, "TIME", Rep.INTEGER);
      case TIMESTAMP -> ColumnMetaData.scalar(Types.TIMESTAMP, "TIMESTAMP", Rep.LONG);
      case BINARY, VARBINARY -> ColumnMetaData.scalar(Types.VARBINARY, name.name(),
          Rep.BYTE_STRING);
      case NULL -> ColumnMetaData.scalar(Types.NULL, "NULL", Rep.OBJECT);
      case ARRAY -> {
        RelDataType component = type.getComponentType();
        yield component == null || component instanceof VectorSqlType
            ? ColumnMetaData.scalar(Types.OTHER, type.toString(), Rep.OBJECT)
            : ColumnMetaData.array(avaticaType(component), type.toString(), Rep.ARRAY);
      }
      default -> ColumnMetaData.scalar(Types.OTHER, name.name(), Rep.OBJECT);
    };
  }

  /** The type as SQL writes it, e.g. {@code VECTOR(128)}. */
  static String typeName(RelDataType type) {
    if (type instanceof VectorSqlType v) {
      return v.hasKnownDimension() ? VECTOR + "(" + v.dimension() + ")" : VECTOR;
    }
    return type.getSqlTypeName().getName();
  }

  private static int displaySize(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> 5;
      case TINYINT -> 4;
      case SMALLINT -> 6;
      case INTEGER -> 11;
      case BIGINT -> 20;
      case REAL -> 14;
      case DOUBLE, FLOAT -> 24;
      case DECIMAL -> type.getPrecision() + 2;
      case DATE -> 10;
      case TIME -> 8;
      case TIMESTAMP -> 23;
      // Avatica pads CHAR values to the display size: it must be the exact length.
      case CHAR -> Math.max(type.getPrecision(), 0);
      case VARCHAR -> type.getPrecision() > 0 ? type.getPrecision() : 256;
      default -> 256;
    };
  }
}
