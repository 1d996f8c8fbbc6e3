package dev.azimuth.planner.prepare;

import dev.azimuth.sql.type.VectorSqlType;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Whether a plan refers to an outer row's vector from inside a correlated subquery (a LATERAL
 * nearest-neighbour search, a scalar subquery over distances to the outer row). Calcite's
 * decorrelator turns such a plan into a join on the vector's value, which a vector, compared as
 * a Java array, never matches, so those rows were lost; such plans are run as nested loops
 * instead, one search per outer row. Stateless.
 */
public final class VectorCorrelation {
  private VectorCorrelation() {}

  public static boolean correlatesOnVectors(RelNode rel) {
    boolean[] found = {false};
    RexShuttle finder = new RexShuttle() {
      @Override public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable
            && access.getType() instanceof VectorSqlType) {
          found[0] = true;
        }
        return super.visitFieldAccess(access);
      }
    };
    visit(rel, finder, found);
    return found[0];
  }

  private static void visit(RelNode rel, RexShuttle finder, boolean[] found) {
    rel.accept(finder);
    for (RelNode input : rel.getInputs()) {
      if (found[0]) {
        return;
      }
      visit(input, finder, found);
    }
  }
}
