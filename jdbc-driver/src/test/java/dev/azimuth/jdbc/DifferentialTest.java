package dev.azimuth.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random (seeded) queries over small random tables, run by Azimuth and by H2 holding the same
 * rows, with vector distances written out as arithmetic for H2: joins, GROUP BY and HAVING,
 * ORDER BY with LIMIT and OFFSET, IN / EXISTS / scalar subqueries, set operations, NULLs,
 * CASE, filters, and vector top-k with filters, over tables with random BTREE indexes (so
 * that index scans, index-ordered top-k and index pre-filters are compared too). Half the rounds run inside a transaction with
 * random uncommitted writes in both engines, then commit or roll back both. A mismatch fails
 * with the seed, the case number and both statements; {@code -Ddifferential.seed=N} replays a
 * run and {@code -Ddifferential.cases=N} sets its size.
 */
class DifferentialTest {
  private static final int DIM = 3;

  private final long seed = Long.getLong("differential.seed", 20261208L);
  private final int cases = Integer.getInteger("differential.cases", 3000);
  private Random random;
  private int caseNumber;
  private int compared;
  /** Of the sampled plans (one in ten compared cases), those that read through a BTREE index. */
  private int sampledPlans;
  private int indexPlans;

  /** One query in each engine's dialect, and whether its result order is defined. */
  private record Query(String azimuth, String h2, boolean ordered, TopK topK) {}

  /** A vector top-k: Azimuth's k rows against H2's full ranking of the candidates. */
  private record TopK(int k, String h2All) {}

  @Test
  void azimuthAndH2Agree() throws SQLException {
    random = new Random(seed);
    int rounds = 0;
    while (caseNumber < cases) {
      try (Connection az = DriverManager.getConnection("jdbc:azimuth:mem:;seal_rows=16;"
          + "merge_factor=3");
           Connection h2 = DriverManager.getConnection("jdbc:h2:mem:;MODE=PostgreSQL")) {
        load(az, h2);
        for (int step = 0; step < 8 && caseNumber < cases; step++) {
          boolean transaction = random.nextBoolean();
          if (transaction) {
            az.setAutoCommit(false);
            h2.setAutoCommit(false);
            for (int w = 0; w < 1 + random.nextInt(8); w++) {
              write(az, h2);
            }
          } else if (random.nextInt(3) == 0) {
            write(az, h2);
          }
          for (int q = 0; q < 40 && caseNumber < cases; q++) {
            check(az, h2, query());
          }
          if (transaction) {
            if (random.nextBoolean()) {
              az.commit();
              h2.commit();
            } else {
              az.rollback();
              h2.rollback();
            }
            az.setAutoCommit(true);
            h2.setAutoCommit(true);
          }
        }
      }
      rounds++;
    }
    assertTrue(compared > cases * 0.9, compared + " of " + cases + " cases compared in "
        + rounds + " rounds (the others failed in both engines)");
    System.out.println("DifferentialTest: seed " + seed + ", " + caseNumber + " cases, "
        + compared + " compared with results, in " + rounds + " table sets; " + indexPlans
        + " of " + sampledPlans + " sampled plans read through a BTREE index");
    assertTrue(indexPlans > sampledPlans / 20, indexPlans + " of " + sampledPlans
        + " sampled plans used a BTREE index: the generator no longer exercises them");
  }

  // --- data -----------------------------------------------------------------------------

  private void load(Connection az, Connection h2) throws SQLException {
    run(az, "CREATE TABLE t1 (id BIGINT PRIMARY KEY, a INTEGER, b VARCHAR(10), c DOUBLE, "
        + "v VECTOR(" + DIM + "))");
    run(h2, "CREATE TABLE t1 (id BIGINT PRIMARY KEY, a INTEGER, b VARCHAR(10), c DOUBLE, "
        + "v0 DOUBLE, v1 DOUBLE, v2 DOUBLE)");
    run(az, "CREATE TABLE t2 (id BIGINT PRIMARY KEY, t1_id BIGINT, x INTEGER, s VARCHAR(10))");
    run(h2, "CREATE TABLE t2 (id BIGINT PRIMARY KEY, t1_id BIGINT, x INTEGER, s VARCHAR(10))");
    int n1 = 10 + random.nextInt(50);
    for (int i = 0; i < n1; i++) {
      insertT1(az, h2, i);
    }
    int n2 = 5 + random.nextInt(60);
    for (int i = 0; i < n2; i++) {
      String values = i + ", " + nullable(() -> Integer.toString(random.nextInt(n1 + 5)))
          + ", " + nullable(() -> Integer.toString(random.nextInt(6) - 1)) + ", "
          + nullable(this::word);
      run(az, "INSERT INTO t2 VALUES (" + values + ")");
      run(h2, "INSERT INTO t2 VALUES (" + values + ")");
    }
    // BTREE indexes on some tables: the same answers must come through them (Azimuth only).
    String[] indexes = {"CREATE INDEX t1_a ON t1 (a)", "CREATE INDEX t1_c_id ON t1 (c, id)",
        "CREATE INDEX t1_b ON t1 (b)", "CREATE INDEX t1_a_c ON t1 (a, c)",
        "CREATE INDEX t2_x_id ON t2 (x, id)", "CREATE INDEX t2_t1 ON t2 (t1_id)"};
    for (String index : indexes) {
      if (random.nextBoolean()) {
        run(az, index);
      }
    }
  }

  private void insertT1(Connection az, Connection h2, long id) throws SQLException {
    String a = nullable(() -> Integer.toString(random.nextInt(6) - 1));
    String b = nullable(this::word);
    String c = nullable(() -> Double.toString(random.nextInt(9) / 4.0));
    boolean hasVector = random.nextInt(8) != 0;
    int[] v = new int[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = random.nextInt(5) - 2;
    }
    String common = id + ", " + a + ", " + b + ", " + c + ", ";
    run(az, "INSERT INTO t1 VALUES (" + common + (hasVector ? "'" + vectorText(v) + "'" : "NULL")
        + ")");
    run(h2, "INSERT INTO t1 VALUES (" + common + (hasVector ? v[0] + ", " + v[1] + ", " + v[2]
        : "NULL, NULL, NULL") + ")");
  }

  private void write(Connection az, Connection h2) throws SQLException {
    String where = predicate("x", 2);
    String[] pair = switch (random.nextInt(4)) {
      case 0 -> {
        long id = random.nextInt(80);
        String values = id + ", " + nullable(() -> Integer.toString(random.nextInt(6) - 1))
            + ", " + nullable(this::word) + ", " + nullable(() -> "1.5");
        int[] v = {random.nextInt(5) - 2, random.nextInt(5) - 2, random.nextInt(5) - 2};
        yield new String[] {"INSERT INTO t1 VALUES (" + values + ", '" + vectorText(v) + "')",
            "INSERT INTO t1 VALUES (" + values + ", " + v[0] + ", " + v[1] + ", " + v[2] + ")"};
      }
      case 1 -> new String[] {"UPDATE t1 x SET a = a + 1, b = 'upd' WHERE " + where.split("\u0000")[0],
          "UPDATE t1 x SET a = a + 1, b = 'upd' WHERE " + where.split("\u0000")[1]};
      case 2 -> new String[] {"DELETE FROM t1 x WHERE " + where.split("\u0000")[0],
          "DELETE FROM t1 x WHERE " + where.split("\u0000")[1]};
      default -> new String[] {"UPDATE t2 SET x = x * 2 WHERE MOD(id, 3) = "
          + random.nextInt(3), "UPDATE t2 SET x = x * 2 WHERE MOD(id, 3) = " + random.nextInt(3)};
    };
    if (pair[0].startsWith("UPDATE t2")) {
      pair[1] = pair[0];
    }
    SQLException azError = null;
    SQLException h2Error = null;
    int azCount = -1;
    int h2Count = -1;
    try (Statement s = az.createStatement()) {
      azCount = s.executeUpdate(pair[0]);
    } catch (SQLException e) {
      azError = e;
    }
    try (Statement s = h2.createStatement()) {
      h2Count = s.executeUpdate(pair[1]);
    } catch (SQLException e) {
      h2Error = e;
    }
    if ((azError == null) != (h2Error == null) || azCount != h2Count) {
      fail("seed " + seed + " write before case " + caseNumber + ": Azimuth "
          + (azError == null ? azCount + " rows" : azError.getMessage()) + ", H2 "
          + (h2Error == null ? h2Count + " rows" : h2Error.getMessage()) + "\n  Azimuth: "
          + pair[0] + "\n  H2:      " + pair[1]);
    }
  }

  private static String vectorText(int[] v) {
    return "[" + v[0] + "," + v[1] + "," + v[2] + "]";
  }

  private String nullable(java.util.function.Supplier<String> value) {
    return random.nextInt(6) == 0 ? "NULL" : value.get();
  }

  private String word() {
    String[] words = {"'a'", "'b'", "'ab'", "'ba'", "'abc'", "'z'"};
    return words[random.nextInt(words.length)];
  }

  // --- queries ----------------------------------------------------------------------------

  /** A predicate over t1 (alias {@code x}), as "azimuth\0h2". */
  private String predicate(String x, int depth) {
    if (depth > 0 && random.nextInt(3) == 0) {
      String l = predicate(x, depth - 1);
      String r = predicate(x, depth - 1);
      String op = random.nextBoolean() ? " AND " : " OR ";
      return "(" + az(l) + op + az(r) + ")\u0000(" + h2(l) + op + h2(r) + ")";
    }
    if (depth > 0 && random.nextInt(6) == 0) {
      String p = predicate(x, depth - 1);
      return "NOT (" + az(p) + ")\u0000NOT (" + h2(p) + ")";
    }
    String[] cmp = {"=", "<>", "<", "<=", ">", ">="};
    String same = switch (random.nextInt(9)) {
      case 0 -> x + ".a " + cmp[random.nextInt(cmp.length)] + " " + (random.nextInt(6) - 1);
      case 1 -> x + ".a IS " + (random.nextBoolean() ? "" : "NOT ") + "NULL";
      case 2 -> x + ".b " + cmp[random.nextInt(cmp.length)] + " " + word();
      case 3 -> x + ".b LIKE '" + (random.nextBoolean() ? "a" : "b") + "%'";
      case 4 -> x + ".c > " + random.nextInt(8) / 4.0;
      case 5 -> x + ".a BETWEEN " + (random.nextInt(4) - 1) + " AND " + random.nextInt(5);
      case 6 -> x + ".a IN (" + random.nextInt(3) + ", " + (random.nextInt(3) + 2)
          + (random.nextBoolean() ? ", NULL" : "") + ")";
      case 7 -> "MOD(" + x + ".id, " + (2 + random.nextInt(3)) + ") = " + random.nextInt(2);
      default -> null;
    };
    if (same != null) {
      return same + "\u0000" + same;
    }
    int[] q = {random.nextInt(5) - 2, random.nextInt(5) - 2, random.nextInt(5) - 2};
    String bound = Double.toString(1 + random.nextInt(8) / 2.0);
    return distance(x, q)[0] + " < " + bound + "\u0000" + distance(x, q)[1] + " < " + bound;
  }

  private static String az(String pair) {
    return pair.split("\u0000")[0];
  }

  private static String h2(String pair) {
    return pair.split("\u0000")[1];
  }

  /** The L2 distance from t1's vector to q: Azimuth's operator, H2's arithmetic. */
  private static String[] distance(String x, int[] q) {
    return new String[] {x + ".v <-> '" + vectorText(q) + "'",
        "SQRT(POWER(" + x + ".v0 - (" + q[0] + "), 2) + POWER(" + x + ".v1 - (" + q[1]
            + "), 2) + POWER(" + x + ".v2 - (" + q[2] + "), 2))"};
  }

  private Query query() {
    caseNumber++;
    String p = predicate("x", 2);
    return switch (random.nextInt(9)) {
      case 0 -> {
        String items = "x.id, x.a, x.b, x.c, COALESCE(x.a, -1) + 1, "
            + "CASE WHEN x.a > 1 THEN 'big' WHEN x.a IS NULL THEN 'none' ELSE 'small' END";
        boolean limit = random.nextBoolean();
        String order = " ORDER BY x.a " + (random.nextBoolean() ? "DESC" : "ASC")
            + " NULLS " + (random.nextBoolean() ? "FIRST" : "LAST") + ", x.id";
        String tail = limit ? order + " LIMIT " + (1 + random.nextInt(8)) + " OFFSET "
            + random.nextInt(3) : "";
        yield new Query("SELECT " + items + " FROM t1 x WHERE " + az(p) + tail,
            "SELECT " + items + " FROM t1 x WHERE " + h2(p) + tail, limit, null);
      }
      case 1 -> {
        String having = random.nextBoolean() ? " HAVING COUNT(*) > 1" : "";
        String items = "x.a, COUNT(*), COUNT(x.b), SUM(x.id), MIN(x.b), MAX(x.c)";
        yield new Query("SELECT " + items + " FROM t1 x WHERE " + az(p) + " GROUP BY x.a"
            + having, "SELECT " + items + " FROM t1 x WHERE " + h2(p) + " GROUP BY x.a"
            + having, false, null);
      }
      case 2 -> {
        String join = random.nextBoolean() ? "JOIN" : "LEFT JOIN";
        String from = "SELECT x.id, y.id, y.x, y.s FROM t1 x " + join
            + " t2 y ON x.id = y.t1_id";
        yield new Query(from + " WHERE " + az(p), from + " WHERE " + h2(p), false, null);
      }
      case 3 -> {
        String sub = switch (random.nextInt(4)) {
          case 0 -> "x.a IN (SELECT y.x FROM t2 y WHERE y.s <> 'z')";
          case 1 -> "x.a NOT IN (SELECT y.x FROM t2 y WHERE y.x IS NOT NULL)";
          case 2 -> "EXISTS (SELECT 1 FROM t2 y WHERE y.t1_id = x.id AND y.x > 0)";
          default -> "NOT EXISTS (SELECT 1 FROM t2 y WHERE y.t1_id = x.id)";
        };
        yield new Query("SELECT x.id, x.b FROM t1 x WHERE " + sub + " AND " + az(p),
            "SELECT x.id, x.b FROM t1 x WHERE " + sub + " AND " + h2(p), false, null);
      }
      case 4 -> {
        String scalar = "(SELECT COUNT(*) FROM t2 y WHERE y.t1_id = x.id), "
            + "(SELECT MAX(y.x) FROM t2 y WHERE y.t1_id = x.id)";
        yield new Query("SELECT x.id, " + scalar + " FROM t1 x WHERE " + az(p),
            "SELECT x.id, " + scalar + " FROM t1 x WHERE " + h2(p), false, null);
      }
      case 5 -> {
        String op = new String[] {"UNION", "UNION ALL", "INTERSECT", "EXCEPT"}[random.nextInt(4)];
        String other = " SELECT y.x FROM t2 y WHERE y.id < " + random.nextInt(40);
        yield new Query("SELECT x.a FROM t1 x WHERE " + az(p) + " " + op + other,
            "SELECT x.a FROM t1 x WHERE " + h2(p) + " " + op + other, false, null);
      }
      case 6 -> {
        int[] q = {random.nextInt(5) - 2, random.nextInt(5) - 2, random.nextInt(5) - 2};
        String[] d = distance("x", q);
        int k = 1 + random.nextInt(10);
        String where = random.nextBoolean() ? " WHERE " + az(p) : "";
        String h2Where = where.isEmpty() ? "" : " WHERE " + h2(p);
        yield new Query("SELECT x.id, " + d[0] + " AS d FROM t1 x" + where + " ORDER BY "
            + d[0] + " LIMIT " + k, null, true,
            new TopK(k, "SELECT x.id, " + d[1] + " AS d FROM t1 x" + h2Where
                + " ORDER BY d NULLS LAST, x.id"));
      }
      case 7 -> {
        String items = "DISTINCT x.b, x.a";
        yield new Query("SELECT " + items + " FROM t1 x WHERE " + az(p),
            "SELECT " + items + " FROM t1 x WHERE " + h2(p), false, null);
      }
      default -> {
        String agg = "SELECT COUNT(*), SUM(x.a), MIN(x.c), MAX(x.b) FROM t1 x WHERE ";
        yield new Query(agg + az(p), agg + h2(p), false, null);
      }
    };
  }

  // --- comparing ----------------------------------------------------------------------------

  private void check(Connection az, Connection h2, Query query) throws SQLException {
    if (query.topK() != null) {
      checkTopK(az, h2, query);
      return;
    }
    List<List<Object>> mine;
    List<List<Object>> theirs;
    SQLException azError = null;
    SQLException h2Error = null;
    mine = null;
    theirs = null;
    try {
      mine = rows(az, query.azimuth());
    } catch (SQLException e) {
      azError = e;
    }
    try {
      theirs = rows(h2, query.h2());
    } catch (SQLException e) {
      h2Error = e;
    }
    if (azError != null || h2Error != null) {
      if (azError == null || h2Error == null) {
        mismatch(query, "Azimuth " + (azError == null ? "ran" : "failed: " + azError.getMessage())
            + ", H2 " + (h2Error == null ? "ran" : "failed: " + h2Error.getMessage()));
      }
      return;
    }
    compared++;
    samplePlan(az, query.azimuth());
    if (!query.ordered()) {
      mine.sort(ROW_ORDER);
      theirs.sort(ROW_ORDER);
    }
    if (!sameRows(mine, theirs)) {
      mismatch(query, "Azimuth " + mine + "\n  H2      " + theirs);
    }
  }

  private void samplePlan(Connection az, String sql) throws SQLException {
    if (compared % 10 != 0) {
      return;
    }
    sampledPlans++;
    StringBuilder plan = new StringBuilder();
    try (Statement s = az.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1));
      }
    }
    if (plan.indexOf("(BTREE)") >= 0) {
      indexPlans++;
    }
  }

  private void checkTopK(Connection az, Connection h2, Query query) throws SQLException {
    List<List<Object>> mine = rows(az, query.azimuth());
    List<List<Object>> all = rows(h2, query.topK().h2All());
    compared++;
    samplePlan(az, query.azimuth());
    Map<Long, Object> distanceById = new HashMap<>();
    for (List<Object> r : all) {
      distanceById.put(((Number) r.get(0)).longValue(), r.get(1));
    }
    List<List<Object>> expected = all.subList(0, Math.min(query.topK().k(), all.size()));
    boolean ok = mine.size() == expected.size();
    for (int i = 0; ok && i < mine.size(); i++) {
      long id = ((Number) mine.get(i).get(0)).longValue();
      ok = distanceById.containsKey(id)
          && sameValue(mine.get(i).get(1), distanceById.get(id))
          && sameValue(mine.get(i).get(1), expected.get(i).get(1));
    }
    if (!ok) {
      mismatch(query, "Azimuth " + mine + "\n  H2 first k " + expected);
    }
  }

  private void mismatch(Query query, String what) {
    fail("seed " + seed + " case " + caseNumber + ": results differ\n  Azimuth: "
        + query.azimuth() + "\n  H2:      " + (query.h2() != null ? query.h2()
        : query.topK().h2All()) + "\n  " + what);
  }

  private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(normalize(rs.getObject(i)));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** Integral numbers as Long, other numbers as Double, text as is. */
  private static Object normalize(Object o) {
    if (o instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : d.doubleValue();
    }
    if (o instanceof Float || o instanceof Double) {
      return ((Number) o).doubleValue();
    }
    if (o instanceof Number n) {
      return n.longValue();
    }
    return o;
  }

  private static final Comparator<List<Object>> ROW_ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = key(a.get(i)).compareTo(key(b.get(i)));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private static String key(Object o) {
    if (o == null) {
      return "~null";
    }
    if (o instanceof Double d) {
      return String.format(Locale.ROOT, "n%020.4f", d + 1e9);
    }
    if (o instanceof Long l) {
      return String.format(Locale.ROOT, "n%020.4f", l + 1e9);
    }
    return "s" + o;
  }

  private static boolean sameRows(List<List<Object>> a, List<List<Object>> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).size() != b.get(i).size()) {
        return false;
      }
      for (int j = 0; j < a.get(i).size(); j++) {
        if (!sameValue(a.get(i).get(j), b.get(i).get(j))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean sameValue(Object x, Object y) {
    if (x == null || y == null) {
      return x == y;
    }
    if (x instanceof Number a && y instanceof Number b) {
      double p = a.doubleValue();
      double q = b.doubleValue();
      return Math.abs(p - q) <= 1e-5 * Math.max(1, Math.abs(q));
    }
    return x.equals(y);
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
