package dev.azimuth.planner;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.planner.prepare.LiteralLifter;
import dev.azimuth.planner.prepare.ParameterBinder;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement whose literals were lifted out, run by the plan of its shape: the client's
 * parameters first, then the literals' values, bound once when the statement is prepared.
 * Stateless.
 */
final class LiftedStatement {
  private LiftedStatement() {}

  /**
   * The statement as a {@link Prepared} over the shape's plan, or null if a literal does not
   * fit the type its parameter was given (a vector of the wrong length, a number out of range):
   * planned with its literals, the statement then reports that as it always did.
   */
  static @Nullable Prepared of(String sql, LiteralLifter.Lifted lifted, ShapeCache.Shape shape) {
    Prepared plan = shape.plan();
    if (plan == null) {
      return null;
    }
    int users = lifted.userParameters();
    List<RelDataType> types = shape.parameterTypes();
    Object[] literals;
    try {
      literals = ParameterBinder.bind(types.subList(users, types.size()),
          lifted.values().toArray());
    } catch (AzimuthException e) {
      return null;
    }
    List<RelDataType> userTypes = types.subList(0, users);
    return new Prepared(sql, plan.kind(), plan.columns(), userTypes, plan.catalogVersion(),
        lifted.shape(), (engine, session, params, cancel) -> {
          Object[] all = new Object[users + literals.length];
          // Bound here too, so that errors number the client's parameters as the client does.
          System.arraycopy(ParameterBinder.bind(userTypes, params), 0, all, 0, users);
          System.arraycopy(literals, 0, all, users, literals.length);
          return plan.executable().run(engine, session, all, cancel);
        });
  }
}
