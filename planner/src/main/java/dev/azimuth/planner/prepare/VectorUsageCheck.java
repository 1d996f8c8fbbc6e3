package dev.azimuth.planner.prepare;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.sql.type.VectorSqlType;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Rejects grouping, sorting and de-duplicating on vector columns: a vector has no order, and
 * equality of float arrays is not what anyone grouping "by embedding" means. Sorting by a
 * distance is the way to order by vectors. Stateless.
 */
public final class VectorUsageCheck {
  private VectorUsageCheck() {}

  public static void check(RelNode plan) {
    plan.accept(new RelShuttleImpl() {
      @Override public RelNode visit(LogicalAggregate aggregate) {
        checkFields(aggregate, aggregate.getGroupSet().asList(), "GROUP BY or DISTINCT");
        return super.visit(aggregate);
      }

      @Override public RelNode visit(LogicalSort sort) {
        checkSort(sort);
        return super.visit(sort);
      }

      @Override public RelNode visit(LogicalUnion union) {
        checkSetOp(union);
        return super.visit(union);
      }

      @Override public RelNode visit(LogicalIntersect intersect) {
        checkSetOp(intersect);
        return super.visit(intersect);
      }

      @Override public RelNode visit(LogicalMinus minus) {
        checkSetOp(minus);
        return super.visit(minus);
      }
    });
  }

  private static void checkSort(Sort sort) {
    RelCollation collation = sort.getCollation();
    for (RelFieldCollation f : collation.getFieldCollations()) {
      RelDataTypeField field = sort.getRowType().getFieldList().get(f.getFieldIndex());
      if (field.getType() instanceof VectorSqlType) {
        throw new PlanningException(ErrorCode.DATATYPE_MISMATCH, "cannot ORDER BY vector "
            + field.getName() + "; order by a distance to it, e.g. ORDER BY "
            + field.getName() + " <-> '[...]'");
      }
    }
  }

  private static void checkSetOp(SetOp op) {
    if (!op.all) {
      for (RelDataTypeField f : op.getRowType().getFieldList()) {
        if (f.getType() instanceof VectorSqlType) {
          throw new PlanningException(ErrorCode.DATATYPE_MISMATCH, "cannot remove duplicate "
              + "rows that contain vector " + f.getName() + "; use UNION ALL");
        }
      }
    }
  }

  private static void checkFields(Aggregate aggregate, List<Integer> fields, String what) {
    for (int i : fields) {
      RelDataTypeField f = aggregate.getInput().getRowType().getFieldList().get(i);
      if (f.getType() instanceof VectorSqlType) {
        throw new PlanningException(ErrorCode.DATATYPE_MISMATCH,
            "cannot use vector " + f.getName() + " in " + what);
      }
    }
  }
}
