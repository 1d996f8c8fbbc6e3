package dev.azimuth.sql.validate;

import org.apache.calcite.sql.validate.SqlAbstractConformance;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Standard SQL with the conveniences PostgreSQL users expect: {@code !=}, GROUP BY and HAVING
 * by alias or ordinal, {@code OFFSET ... LIMIT} in either order, and {@code %}.
 */
public final class AzimuthConformance extends SqlAbstractConformance {
  public static final SqlConformance INSTANCE = new AzimuthConformance();

  private AzimuthConformance() {}

  /**
   * {@code INSERT INTO t VALUES (1, 'a')} into a table of more columns fills the first ones,
   * the others taking their DEFAULT, as PostgreSQL does; this is also what keeps a table's
   * hidden row id (its last column) out of INSERTs that list no columns.
   */
  @Override public boolean isInsertSubsetColumnsAllowed() {
    return true;
  }

  @Override public boolean isBangEqualAllowed() {
    return true;
  }

  @Override public boolean isGroupByAlias() {
    return true;
  }

  @Override public boolean isGroupByOrdinal() {
    return true;
  }

  @Override public boolean isHavingAlias() {
    return true;
  }

  @Override public boolean isOffsetLimitAllowed() {
    return true;
  }

  @Override public boolean isPercentRemainderAllowed() {
    return true;
  }

  @Override public boolean allowNiladicParentheses() {
    return true;
  }

  @Override public boolean isSortByOrdinal() {
    return SqlConformanceEnum.DEFAULT.isSortByOrdinal();
  }
}
