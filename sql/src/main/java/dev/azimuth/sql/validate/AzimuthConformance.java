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
