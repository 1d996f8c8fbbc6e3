package dev.azimuth.planner.prepare;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.planner.Session;
import dev.azimuth.planner.rel.SearchHints;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.hint.HintStrategyTable;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Reads Azimuth's query hints, wherever a SELECT of the statement carries them:
 * {@code /*+ EXACT *}{@code /} and {@code /*+ ANN(ef_search=200) *}{@code /} (also
 * {@code ANN(200)}). An unknown hint is an error rather than silently ignored, so that a typo
 * does not quietly change a plan. Stateless.
 */
public final class HintReader {
  /**
   * Our hints as Calcite's converter should know them: registered, so that it does not warn
   * about unknown hints, and attached to no relational expression, since this class reads them
   * from the syntax tree instead.
   */
  public static final HintStrategyTable STRATEGIES = HintStrategyTable.builder()
      .hintStrategy("ANN", (hint, rel) -> false)
      .hintStrategy("EXACT", (hint, rel) -> false)
      .build();

  private HintReader() {}

  public static SearchHints read(SqlNode statement, int sessionEfSearch) {
    boolean[] exact = {false};
    int[] ef = {0};
    statement.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlCall call) {
        if (call instanceof SqlTableRef ref) {
          // Calcite accepts hints after a table name too, but ours apply to a query.
          SqlNodeList hints = (SqlNodeList) ref.getOperandList().get(1);
          if (hints != null && !hints.isEmpty()) {
            throw new PlanningException(ErrorCode.SYNTAX_ERROR, "hint "
                + ((SqlHint) hints.get(0)).getName() + " after a table name: Azimuth reads "
                + "hints right after SELECT, e.g. SELECT /*+ EXACT */ id FROM t ...");
          }
        }
        if (call instanceof SqlSelect select && select.hasHints()) {
          for (SqlNode node : select.getHints()) {
            SqlHint hint = (SqlHint) node;
            switch (hint.getName().toUpperCase(Locale.ROOT)) {
              case "EXACT" -> exact[0] = true;
              case "ANN" -> ef[0] = efSearchOf(hint);
              default -> throw new PlanningException(ErrorCode.SYNTAX_ERROR, "unknown hint "
                  + hint.getName() + "; Azimuth knows EXACT and ANN(ef_search=n)");
            }
          }
        }
        return super.visit(call);
      }
    });
    if (exact[0] && ef[0] > 0) {
      throw new PlanningException(ErrorCode.SYNTAX_ERROR,
          "hints EXACT and ANN contradict each other; give one");
    }
    return new SearchHints(exact[0], ef[0], sessionEfSearch);
  }

  private static int efSearchOf(SqlHint hint) {
    String value;
    Map<String, String> pairs = hint.getOptionKVPairs();
    if (!pairs.isEmpty()) {
      if (pairs.size() != 1 || !pairs.keySet().iterator().next().equalsIgnoreCase("ef_search")) {
        throw new PlanningException(ErrorCode.SYNTAX_ERROR,
            "hint ANN takes one option, ef_search, e.g. ANN(ef_search=100); got " + pairs);
      }
      value = pairs.values().iterator().next();
    } else if (hint.getOptionList().size() == 1) {
      value = hint.getOptionList().get(0);
    } else {
      throw new PlanningException(ErrorCode.SYNTAX_ERROR,
          "hint ANN needs ef_search, e.g. ANN(ef_search=100)");
    }
    return Session.checkedEfSearch(value);
  }
}
