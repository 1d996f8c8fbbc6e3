package dev.azimuth.planner.prepare;

import dev.azimuth.sql.type.VectorSqlType;
import java.util.List;
import org.apache.calcite.DataContexts;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexNode;

/**
 * Constant folding that leaves vector-valued expressions alone: a vector has no literal form
 * Calcite can hold, so {@code TO_VECTOR('[1,2]')} stays a call (evaluated once per execution).
 */
public final class VectorSafeExecutor implements RexExecutor {
  private final RexExecutor delegate = new RexExecutorImpl(DataContexts.EMPTY);

  @Override public void reduce(RexBuilder rexBuilder, List<RexNode> constExps,
      List<RexNode> reducedValues) {
    for (RexNode e : constExps) {
      if (e.getType() instanceof VectorSqlType) {
        reducedValues.add(e);
      } else {
        List<RexNode> one = new java.util.ArrayList<>(1);
        delegate.reduce(rexBuilder, List.of(e), one);
        reducedValues.add(one.get(0));
      }
    }
  }
}
