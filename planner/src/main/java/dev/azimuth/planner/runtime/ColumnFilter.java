package dev.azimuth.planner.runtime;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.storage.SegmentView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause of comparisons between scalar columns and constants, evaluated straight on a
 * segment's in-memory column arrays: what a filtered vector search uses to find the rows that
 * pass, without building a row per table row and running generated code over it.
 *
 * <p>The planner ({@code ScanFilterPushdown}) writes the condition as a program, a string of
 * space-separated tokens in prefix order:
 * <ul>
 *   <li>{@code and N t1 .. tN}, {@code or N t1 .. tN}, {@code not t};
 *   <li>{@code cmp OP COLUMN OPERAND}: OP one of {@code = <> < <= > >=}, COLUMN a table column
 *       index, OPERAND an index into the operands (a literal or a bound parameter, already in
 *       storage's Java form for the column's type);
 *   <li>{@code null COLUMN}: the column IS NULL.
 * </ul>
 * Logic is SQL's three-valued one: a comparison with NULL is unknown, and only rows for which
 * the whole condition is true pass. Immutable and thread-safe. A program is parsed once per
 * execution, in microseconds: no cache to bound.
 */
public final class ColumnFilter {
  private static final byte FALSE = 0;
  private static final byte TRUE = 1;
  private static final byte UNKNOWN = 2;

  private final Node root;
  private final int[] columns;

  private ColumnFilter(Node root, int[] columns) {
    this.root = root;
    this.columns = columns;
  }

  /** The filter a program describes. */
  public static ColumnFilter of(String program) {
    Tokens tokens = new Tokens(program.trim().split(" +"));
    List<Integer> columns = new ArrayList<>();
    Node root = parse(tokens, columns);
    if (tokens.position != tokens.values.length) {
      throw new IllegalArgumentException("trailing tokens in filter program: " + program);
    }
    return new ColumnFilter(root, columns.stream().mapToInt(Integer::intValue).distinct()
        .toArray());
  }

  private static Node parse(Tokens t, List<Integer> columns) {
    String head = t.next();
    switch (head) {
      case "and", "or" -> {
        int n = Integer.parseInt(t.next());
        Node[] parts = new Node[n];
        for (int i = 0; i < n; i++) {
          parts[i] = parse(t, columns);
        }
        return head.equals("and") ? new And(parts) : new Or(parts);
      }
      case "not" -> {
        return new Not(parse(t, columns));
      }
      case "null" -> {
        int column = Integer.parseInt(t.next());
        columns.add(column);
        return new IsNull(column);
      }
      case "cmp" -> {
        Op op = Op.of(t.next());
        int column = Integer.parseInt(t.next());
        columns.add(column);
        return new Compare(op, column, Integer.parseInt(t.next()));
      }
      default -> throw new IllegalArgumentException("bad filter program token: " + head);
    }
  }

  /** Table columns the filter reads. */
  public int[] columns() {
    return columns.clone();
  }

  /** Whether the row at {@code ordinal} of {@code segment} passes, given the operands. */
  public boolean test(SegmentView segment, int ordinal, Object[] operands) {
    return root.eval(segment, ordinal, operands) == TRUE;
  }

  private interface Node {
    byte eval(SegmentView s, int ordinal, Object[] operands);
  }

  private record And(Node[] parts) implements Node {
    @Override public byte eval(SegmentView s, int ordinal, Object[] operands) {
      byte result = TRUE;
      for (Node part : parts) {
        byte v = part.eval(s, ordinal, operands);
        if (v == FALSE) {
          return FALSE;
        }
        if (v == UNKNOWN) {
          result = UNKNOWN;
        }
      }
      return result;
    }
  }

  private record Or(Node[] parts) implements Node {
    @Override public byte eval(SegmentView s, int ordinal, Object[] operands) {
      byte result = FALSE;
      for (Node part : parts) {
        byte v = part.eval(s, ordinal, operands);
        if (v == TRUE) {
          return TRUE;
        }
        if (v == UNKNOWN) {
          result = UNKNOWN;
        }
      }
      return result;
    }
  }

  private record Not(Node part) implements Node {
    @Override public byte eval(SegmentView s, int ordinal, Object[] operands) {
      byte v = part.eval(s, ordinal, operands);
      return v == UNKNOWN ? UNKNOWN : v == TRUE ? FALSE : TRUE;
    }
  }

  private record IsNull(int column) implements Node {
    @Override public byte eval(SegmentView s, int ordinal, Object[] operands) {
      return s.value(column, ordinal) == null ? TRUE : FALSE;
    }
  }

  private record Compare(Op op, int column, int operand) implements Node {
    @Override public byte eval(SegmentView s, int ordinal, Object[] operands) {
      Object value = s.value(column, ordinal);
      Object constant = operands[operand];
      if (value == null || constant == null) {
        return UNKNOWN;
      }
      if (isNaN(value) || isNaN(constant)) {
        // As Java's primitive comparisons and Calcite's generated filter have it: NaN is
        // unordered, so only <> holds.
        return op == Op.NE ? TRUE : FALSE;
      }
      return op.holds(compare(value, constant)) ? TRUE : FALSE;
    }
  }

  /**
   * Compares a stored value with a constant of the same type family. Integral numbers compare
   * exactly as longs, decimals as BigDecimal, other numbers as doubles.
   */
  static int compare(Object value, Object constant) {
    if (value instanceof Number a && constant instanceof Number b) {
      if (isIntegral(a) && isIntegral(b)) {
        return Long.compare(a.longValue(), b.longValue());
      }
      if (a instanceof BigDecimal || b instanceof BigDecimal) {
        return decimal(a).compareTo(decimal(b));
      }
      double x = a.doubleValue();
      double y = b.doubleValue();
      // Primitive comparisons, so that -0.0 equals 0.0 as in SQL (NaN never gets here).
      return x < y ? -1 : x > y ? 1 : 0;
    }
    if (value instanceof String a && constant instanceof String b) {
      return a.compareTo(b);
    }
    if (value instanceof Boolean a && constant instanceof Boolean b) {
      return Boolean.compare(a, b);
    }
    throw new PlanningException(ErrorCode.DATA_EXCEPTION, "cannot compare a "
        + value.getClass().getSimpleName() + " column value with a "
        + constant.getClass().getSimpleName() + " in the WHERE clause");
  }

  private static boolean isNaN(Object v) {
    return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d
        : isIntegral(n) ? BigDecimal.valueOf(n.longValue())
        : new BigDecimal(n.doubleValue());
  }

  /** A comparison operator, as the program spells it. */
  enum Op {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    static Op of(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException("bad comparison in filter program: " + symbol);
    }

    boolean holds(int c) {
      return switch (this) {
        case EQ -> c == 0;
        case NE -> c != 0;
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
      };
    }
  }

  private static final class Tokens {
    final String[] values;
    int position;

    Tokens(String[] values) {
      this.values = values;
    }

    String next() {
      if (position >= values.length) {
        throw new IllegalArgumentException("filter program ends early");
      }
      return values[position++];
    }
  }
}
