package dev.azimuth.planner.rel;

import dev.azimuth.planner.runtime.IndexProbe;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The part of a WHERE clause a BTREE index answers: equalities on a prefix of its key columns,
 * then on the next key column either an IN list (or one more equality) or a range (a lower
 * and/or an upper bound). Taken from the condition's top-level conjuncts; the rows it yields
 * are a superset of the rows that pass, so the whole condition is still checked on each.
 *
 * @param index    the index
 * @param equal    the operands of the equalities on the first {@code equal.size()} key columns
 * @param points   the values of an IN list on the next key column, or empty
 * @param lower    the lower bound on the next key column, or null
 * @param lowerInclusive whether the lower bound is {@code >=}
 * @param upper    the upper bound on the next key column, or null
 * @param upperInclusive whether the upper bound is {@code <=}
 * @param shown    the predicates used, with column names, for EXPLAIN
 */
record IndexRange(IndexDef index, List<Object> equal, List<Object> points,
    @Nullable Object lower, boolean lowerInclusive, @Nullable Object upper,
    boolean upperInclusive, String shown) {

  /**
   * The fraction of a table's rows the range holds, guessed as Calcite guesses a condition's:
   * 0.15 an equality (or IN value), 0.5 a range.
   */
  double selectivity() {
    double s = Math.pow(0.15, equal.size());
    if (!points.isEmpty()) {
      s *= Math.min(1, 0.15 * points.size());
    } else if (lower != null || upper != null) {
      s *= 0.5;
    }
    return s;
  }

  /** How many key columns the range constrains; more is more selective. */
  int score() {
    return 2 * equal.size() + (!points.isEmpty() || lower != null || upper != null ? 1 : 0);
  }

  /**
   * The best range of one of {@code indexes} (BTREE ones) for {@code condition}, over a scan of
   * {@code columns}; null when no index has a key column the condition constrains.
   */
  static @Nullable IndexRange choose(RexBuilder rexBuilder, RexNode condition, TableDef def,
      int[] columns, List<IndexDef> indexes) {
    Constraints constraints = Constraints.of(rexBuilder, condition, def, columns);
    IndexRange best = null;
    for (IndexDef index : indexes) {
      if (!index.sorted()) {
        continue;
      }
      IndexRange range = constraints.rangeOf(def, index, true);
      if (range != null && (best == null || range.score() > best.score())) {
        best = range;
      }
    }
    return best;
  }

  /**
   * The range of {@code index} for {@code condition} (which may be null): equalities and a range,
   * but no IN list, so that the rows come in key order; an index with nothing constrained has
   * the empty range, all of it.
   */
  static IndexRange forOrder(RexBuilder rexBuilder, @Nullable RexNode condition, TableDef def,
      int[] columns, IndexDef index) {
    if (condition == null) {
      return new IndexRange(index, List.of(), List.of(), null, false, null, false, "");
    }
    IndexRange range = Constraints.of(rexBuilder, condition, def, columns)
        .rangeOf(def, index, false);
    return range != null ? range
        : new IndexRange(index, List.of(), List.of(), null, false, null, false, "");
  }

  /** The runtime probe of this range (its operands are passed apart). */
  Expression probeExpression() {
    return Expressions.call(IndexProbe.class, "of", Expressions.constant(index.id()),
        Expressions.constant(index.keyColumns().stream().mapToInt(Integer::intValue)
            .toArray()),
        Expressions.constant(equal.size()), Expressions.constant(points.size()),
        Expressions.constant(lower == null ? IndexProbe.NONE
            : lowerInclusive ? IndexProbe.INCLUSIVE : IndexProbe.EXCLUSIVE),
        Expressions.constant(upper == null ? IndexProbe.NONE
            : upperInclusive ? IndexProbe.INCLUSIVE : IndexProbe.EXCLUSIVE));
  }

  /** The operands in the order the probe reads them: equalities, points, lower, upper. */
  Expression operandsExpression(Expression root) {
    List<Object> all = new ArrayList<>(equal);
    all.addAll(points);
    if (lower != null) {
      all.add(lower);
    }
    if (upper != null) {
      all.add(upper);
    }
    List<Expression> values = new ArrayList<>();
    for (Object operand : all) {
      values.add(operand instanceof RexDynamicParam p
          ? Expressions.call(root, "get", Expressions.constant("?" + p.getIndex()))
          : Expressions.constant(operand));
    }
    return Expressions.newArrayInit(Object.class, values);
  }

  /** What the conjuncts of a condition say about single columns. */
  private static final class Constraints {
    final Map<Integer, Object> equal = new HashMap<>();
    final Map<Integer, List<Object>> points = new HashMap<>();
    final Map<Integer, Bound> lower = new HashMap<>();
    final Map<Integer, Bound> upper = new HashMap<>();

    record Bound(Object operand, boolean inclusive) {}

    static Constraints of(RexBuilder rexBuilder, RexNode condition, TableDef def,
        int[] columns) {
      Constraints c = new Constraints();
      RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
      for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
        c.add(conjunct, def, columns);
      }
      return c;
    }

    private void add(RexNode conjunct, TableDef def, int[] columns) {
      if (conjunct.getKind() == SqlKind.OR) {
        // An IN list: equalities of one column with constants.
        List<Object> values = new ArrayList<>();
        int column = -1;
        for (RexNode d : RelOptUtil.disjunctions(conjunct)) {
          Comparison cmp = Comparison.of(d, def, columns);
          if (cmp == null || cmp.kind != SqlKind.EQUALS || (column >= 0 && cmp.column != column)) {
            return;
          }
          column = cmp.column;
          values.add(cmp.operand);
        }
        if (column >= 0) {
          points.putIfAbsent(column, values);
        }
        return;
      }
      Comparison cmp = Comparison.of(conjunct, def, columns);
      if (cmp == null) {
        return;
      }
      switch (cmp.kind) {
        case EQUALS -> equal.putIfAbsent(cmp.column, cmp.operand);
        case GREATER_THAN -> lower.putIfAbsent(cmp.column, new Bound(cmp.operand, false));
        case GREATER_THAN_OR_EQUAL -> lower.putIfAbsent(cmp.column, new Bound(cmp.operand, true));
        case LESS_THAN -> upper.putIfAbsent(cmp.column, new Bound(cmp.operand, false));
        case LESS_THAN_OR_EQUAL -> upper.putIfAbsent(cmp.column, new Bound(cmp.operand, true));
        default -> { }
      }
    }

    @Nullable IndexRange rangeOf(TableDef def, IndexDef index, boolean withPoints) {
      List<Integer> keys = index.keyColumns();
      List<Object> eq = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      int p = 0;
      while (p < keys.size() && equal.containsKey(keys.get(p))) {
        eq.add(equal.get(keys.get(p)));
        shown.add(name(def, keys.get(p)) + " = " + text(equal.get(keys.get(p))));
        p++;
      }
      List<Object> in = List.of();
      Bound lo = null;
      Bound hi = null;
      if (p < keys.size()) {
        int next = keys.get(p);
        if (withPoints && points.containsKey(next)) {
          in = points.get(next);
          shown.add(name(def, next) + " IN (" + String.join(", ",
              in.stream().map(Constraints::text).toList()) + ")");
        } else {
          lo = lower.get(next);
          hi = upper.get(next);
          if (lo != null) {
            shown.add(name(def, next) + (lo.inclusive ? " >= " : " > ") + text(lo.operand));
          }
          if (hi != null) {
            shown.add(name(def, next) + (hi.inclusive ? " <= " : " < ") + text(hi.operand));
          }
        }
      }
      if (shown.isEmpty()) {
        return null;
      }
      return new IndexRange(index, eq, in, lo == null ? null : lo.operand,
          lo != null && lo.inclusive, hi == null ? null : hi.operand, hi != null && hi.inclusive,
          String.join(" AND ", shown));
    }

    private static String name(TableDef def, int column) {
      return def.columns().get(column).name();
    }

    private static String text(Object operand) {
      return operand instanceof RexDynamicParam p ? "?" + p.getIndex()
          : operand instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(operand);
    }
  }

  /** {@code column OP constant}, either way round, as ScanFilter would push it. */
  private record Comparison(SqlKind kind, int column, Object operand) {
    static @Nullable Comparison of(RexNode node, TableDef def, int[] columns) {
      if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
        return null;
      }
      SqlKind kind = call.getKind();
      if (kind != SqlKind.EQUALS && kind != SqlKind.LESS_THAN
          && kind != SqlKind.LESS_THAN_OR_EQUAL && kind != SqlKind.GREATER_THAN
          && kind != SqlKind.GREATER_THAN_OR_EQUAL) {
        return null;
      }
      RexNode constant = call.getOperands().get(1);
      int column = ScanFilter.column(def, columns, call.getOperands().get(0));
      if (column < 0) {
        column = ScanFilter.column(def, columns, call.getOperands().get(1));
        constant = call.getOperands().get(0);
        kind = kind.reverse();
      }
      if (column < 0) {
        return null;
      }
      Object operand = ScanFilter.operand(def.columns().get(column).type(), constant);
      return operand == null ? null : new Comparison(kind, column, operand);
    }
  }
}
