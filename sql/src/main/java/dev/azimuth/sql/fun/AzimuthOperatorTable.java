package dev.azimuth.sql.fun;

import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The operators a statement may use: Calcite's standard ones plus {@link VectorOperators} and
 * {@link TextOperators}.
 */
public final class AzimuthOperatorTable {
  private static final SqlOperatorTable INSTANCE = SqlOperatorTables.chain(
      SqlStdOperatorTable.instance(), SqlOperatorTables.of(VectorOperators.all()),
      SqlOperatorTables.of(TextOperators.all()));

  private AzimuthOperatorTable() {}

  public static SqlOperatorTable instance() {
    return INSTANCE;
  }
}
