package dev.azimuth.planner.prepare;

import dev.azimuth.sql.type.VectorSqlType;
import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The kinds of literal that {@link LiteralLifter} takes out of a statement, each with the
 * parameter types it may become without changing what the statement means. A REAL parameter is
 * never accepted: Calcite compares a REAL column with a literal in DOUBLE, but with a parameter
 * in REAL, and the two disagree on values such as 0.1.
 */
public enum LiteralKind {
  INTEGER(EnumSet.of(SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.DECIMAL,
      SqlTypeName.DOUBLE)),
  DECIMAL(EnumSet.of(SqlTypeName.DECIMAL, SqlTypeName.DOUBLE)),
  APPROXIMATE(EnumSet.of(SqlTypeName.DOUBLE)),
  STRING(EnumSet.of(SqlTypeName.CHAR, SqlTypeName.VARCHAR)),
  /** Text such as {@code '[1,2,3]'} given to a distance function. */
  VECTOR_TEXT(EnumSet.noneOf(SqlTypeName.class)),
  DATE(EnumSet.of(SqlTypeName.DATE)),
  TIMESTAMP(EnumSet.of(SqlTypeName.TIMESTAMP));

  private final Set<SqlTypeName> parameterTypes;

  LiteralKind(Set<SqlTypeName> parameterTypes) {
    this.parameterTypes = parameterTypes;
  }

  /** Whether a literal of this kind may be bound to a parameter of the type validation gave. */
  public boolean accepts(RelDataType parameterType) {
    if (parameterType instanceof VectorSqlType) {
      return this == VECTOR_TEXT;
    }
    return parameterTypes.contains(parameterType.getSqlTypeName());
  }
}
