package dev.azimuth.sql.fun;

import dev.azimuth.sql.fusion.FusionFunction;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The operators a statement may use: Calcite's standard ones plus {@link VectorOperators},
 * {@link TextOperators} and the fusion table functions ({@link FusionFunction}).
 */
public final class AzimuthOperatorTable {
  private static final SqlOperatorTable INSTANCE = SqlOperatorTables.chain(
      SqlStdOperatorTable.instance(), SqlOperatorTables.of(VectorOperators.all()),
      SqlOperatorTables.of(TextOperators.all()), SqlOperatorTables.of(FusionFunction.all()));

  private AzimuthOperatorTable() {}

  public static SqlOperatorTable instance() {
    return INSTANCE;
  }
}
