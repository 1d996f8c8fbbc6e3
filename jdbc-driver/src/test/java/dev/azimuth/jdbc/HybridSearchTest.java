package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RRF(...) and WEIGHTED_FUSION(...) through SQL over a small fixed table whose distances are
 * exact in float32, so that every score can be computed here by hand.
 *
 * <pre>
 * id  price  embedding   |e - [0,0]| (L2)   e . [1,1] (<#> is its negation)
 *  1    10   [3,4]        5                   7
 *  2    50   [6,8]       10                  14
 *  3    40   [0,1]        1                   1
 *  4    30   [5,12]      13                  17
 *  5    60   [0,-2]       2                  -2
 *  6    20   NULL         -                   -
 * </pre>
 */
class HybridSearchTest {
  private static final double EPS = 1e-15;
  /** Nearest to the origin: 3, 5, 1, 2, 4 (6 has no vector and comes last). */
  private static final String NEAREST = "CURSOR(SELECT id FROM docs ORDER BY embedding <-> "
      + "'[0,0]' LIMIT %d)";
  /** Dearest first: 5, 2, 3, 4, 6, 1. */
  private static final String PRICIEST = "CURSOR(SELECT id FROM docs ORDER BY price DESC "
      + "LIMIT %d)";
  /** Largest inner product with [1,1] first: 4, 2, 1, 3, 5. */
  private static final String ALIGNED = "CURSOR(SELECT id FROM docs ORDER BY embedding <#> "
      + "'[1,1]' LIMIT %d)";
  /** Nearest to the origin among price < 45: 3, 1, 4 (6 last). */
  private static final String CHEAP_NEAREST = "CURSOR(SELECT id FROM docs WHERE price < 45 "
      + "ORDER BY embedding <-> '[0,0]' LIMIT %d)";
  private static Connection c;

  @BeforeAll
  static void load() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR, price DOUBLE, "
        + "embedding VECTOR(2))");
    update(c, "INSERT INTO docs VALUES (1, 'alpha', 10, '[3,4]'), (2, 'beta', 50, '[6,8]'), "
        + "(3, 'gamma', 40, '[0,1]'), (4, 'delta', 30, '[5,12]'), (5, 'eps', 60, '[0,-2]'), "
        + "(6, 'zeta', 20, NULL)");
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  private static String in(String input, int limit) {
    return String.format(input, limit);
  }

  /** One fused row: key, score, ranks. */
  private record Row(long id, double score, List<Integer> ranks) {}

  private static List<Row> fused(String sql, Object... params) throws SQLException {
    List<Row> out = new ArrayList<>();
    for (List<Object> r : rows(c, sql, params)) {
      List<Integer> ranks = new ArrayList<>();
      for (int i = 2; i < r.size(); i++) {
        ranks.add(r.get(i) == null ? null : ((Number) r.get(i)).intValue());
      }
      out.add(new Row(((Number) r.get(0)).longValue(), ((Number) r.get(1)).doubleValue(),
          ranks));
    }
    return out;
  }

  private static List<Long> ids(List<Row> rows) {
    return rows.stream().map(Row::id).toList();
  }

  private static List<Integer> ranks(Integer... ranks) {
    return java.util.Arrays.asList(ranks);
  }

  @Test
  void rrfScoresThreeInputsByHand() throws SQLException {
    // Nearest [3, 5, 1], priciest [5, 2, 3], cheap nearest [3, 1]; k defaults to 60.
    List<Row> f = fused("SELECT * FROM TABLE(RRF(" + in(NEAREST, 3) + ", " + in(PRICIEST, 3)
        + ", " + in(CHEAP_NEAREST, 2) + "))");
    assertEquals(List.of(3L, 5L, 1L, 2L), ids(f));
    assertEquals(1.0 / 63 + 1.0 / 61 + 1.0 / 61, f.get(0).score(), EPS);
    assertEquals(1.0 / 62 + 1.0 / 61, f.get(1).score(), EPS);
    assertEquals(1.0 / 63 + 1.0 / 62, f.get(2).score(), EPS);
    assertEquals(1.0 / 62, f.get(3).score(), EPS);
    assertEquals(ranks(1, 3, 1), f.get(0).ranks());
    assertEquals(ranks(2, 1, null), f.get(1).ranks(), "5 is not cheap");
    assertEquals(ranks(3, null, 2), f.get(2).ranks(), "1 is not among the three dearest");
    assertEquals(ranks(null, 2, null), f.get(3).ranks());
  }

  @Test
  void rrfTiesGoToTheSmallerKey() throws SQLException {
    // Nearest [3, 5], aligned [4, 2]: 3 and 4 both score 1/61, 5 and 2 both 1/62.
    List<Row> f = fused("SELECT * FROM TABLE(RRF(" + in(NEAREST, 2) + ", " + in(ALIGNED, 2)
        + ", 60))");
    assertEquals(List.of(3L, 4L, 2L, 5L), ids(f));
    assertEquals(1.0 / 61, f.get(0).score(), 0.0);
    assertEquals(f.get(0).score(), f.get(1).score(), 0.0);
    assertEquals(1.0 / 62, f.get(2).score(), 0.0);
    assertEquals(f.get(2).score(), f.get(3).score(), 0.0);
    assertEquals(ranks(null, 2), f.get(2).ranks());
    // Three inputs ranking 3, 5 and 1 in a Latin square: each key has ranks 1, 2 and 3, from
    // different inputs, and the same score to the last bit, so the key decides.
    List<Row> g = fused("SELECT * FROM TABLE(RRF(" + in(NEAREST, 3) + ", CURSOR(SELECT id "
        + "FROM docs WHERE id IN (1, 3, 5) ORDER BY id LIMIT 3), CURSOR(SELECT id FROM docs "
        + "WHERE id IN (1, 3, 5) ORDER BY MOD(id, 5) LIMIT 3)))");
    assertEquals(List.of(1L, 3L, 5L), ids(g));
    assertEquals(ranks(3, 1, 2), g.get(0).ranks());
    assertEquals(ranks(1, 2, 3), g.get(1).ranks());
    assertEquals(ranks(2, 3, 1), g.get(2).ranks());
    assertEquals(1.0 / 61 + 1.0 / 62 + 1.0 / 63, g.get(0).score(), EPS);
    assertEquals(g.get(0).score(), g.get(1).score(), 0.0);
    assertEquals(g.get(0).score(), g.get(2).score(), 0.0);
  }

  @Test
  void kChangesTheScores() throws SQLException {
    List<Row> f = fused("SELECT * FROM TABLE(RRF(" + in(NEAREST, 3) + ", " + in(PRICIEST, 3)
        + ", 1))");
    // 5: 1/3 + 1/2; 3: 1/2 + 1/4; 2: 1/3; 1: 1/4.
    assertEquals(List.of(5L, 3L, 2L, 1L), ids(f));
    assertEquals(1.0 / 3 + 1.0 / 2, f.get(0).score(), EPS);
    assertEquals(0.75, f.get(1).score(), 0.0);
    assertEquals(1.0 / 4, f.get(3).score(), 0.0);
  }

  @Test
  void weightedScoresByHand() throws SQLException {
    // Nearest [3 (d=1), 5 (2), 1 (5)] by L2; aligned [4 (-17), 2 (-14), 1 (-7)] by <#>.
    List<Row> f = fused("SELECT * FROM TABLE(WEIGHTED_FUSION(CURSOR(SELECT id, embedding <-> "
        + "'[0,0]' AS d FROM docs ORDER BY d LIMIT 3), " + in(ALIGNED, 3)
        + ", ARRAY[0.7, 0.3]))");
    double s3 = 0.7 * (1 - 2 * Math.atan(1) / Math.PI);
    double s5 = 0.7 * (1 - 2 * Math.atan(2) / Math.PI);
    double s1 = 0.7 * (1 - 2 * Math.atan(5) / Math.PI) + 0.3 * (0.5 - Math.atan(-7) / Math.PI);
    double s4 = 0.3 * (0.5 - Math.atan(-17) / Math.PI);
    double s2 = 0.3 * (0.5 - Math.atan(-14) / Math.PI);
    // s1 = 0.0880 + 0.2864 = 0.3744; s3 = 0.35; s4 = 0.2944; s2 = 0.2932; s5 = 0.2066.
    assertEquals(List.of(1L, 3L, 4L, 2L, 5L), ids(f));
    double[] expected = {s1, s3, s4, s2, s5};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], f.get(i).score(), EPS, "row " + i);
    }
    assertEquals(ranks(3, 3), f.get(0).ranks());
    assertEquals(ranks(null, 1), f.get(2).ranks());
  }

  @Test
  void weightedKnowsEachMetricFromTheOrderBy() throws SQLException {
    // The same ranking by INNER_PRODUCT(...) DESC normalises the inner product itself, and a
    // cosine input (1 - cos) its own way; the input need not select its score.
    List<Row> f = fused("SELECT * FROM TABLE(WEIGHTED_FUSION(CURSOR(SELECT id FROM docs "
        + "ORDER BY INNER_PRODUCT(embedding, '[1,1]') DESC NULLS LAST LIMIT 2), CURSOR(SELECT "
        + "id FROM docs ORDER BY embedding <=> '[0,1]' LIMIT 1), weights => ARRAY[1, 2]))");
    // 4: ip 17; 2: ip 14; 3: cosine distance 0 to [0,1], weighing 2 * (1 - 0/2) = 2.
    assertEquals(List.of(3L, 4L, 2L), ids(f));
    assertEquals(2.0, f.get(0).score(), 0.0);
    assertEquals(0.5 + Math.atan(17) / Math.PI, f.get(1).score(), EPS);
    assertEquals(0.5 + Math.atan(14) / Math.PI, f.get(2).score(), EPS);
    // DESC puts NULLs first, as in PostgreSQL: 6, whose vector is NULL, ranks first there
    // but its NULL score weighs nothing.
    List<Row> g = fused("SELECT * FROM TABLE(WEIGHTED_FUSION(CURSOR(SELECT id FROM docs "
        + "ORDER BY INNER_PRODUCT(embedding, '[1,1]') DESC LIMIT 2), " + in(NEAREST, 1)
        + ", ARRAY[1, 1]))");
    assertEquals(List.of(4L, 3L, 6L), ids(g));
    assertEquals(0.0, g.get(2).score(), 0.0);
    assertEquals(ranks(1, null), g.get(2).ranks());
  }

  @Test
  void resultColumnsAreTheKeyTheScoreAndARankPerInput() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM TABLE(RRF("
        + in(NEAREST, 2) + ", " + in(PRICIEST, 2) + ", " + in(ALIGNED, 2) + "))");
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(5, md.getColumnCount());
      assertEquals(List.of("ID", "SCORE", "RANK_1", "RANK_2", "RANK_3"), List.of(
          md.getColumnLabel(1), md.getColumnLabel(2), md.getColumnLabel(3),
          md.getColumnLabel(4), md.getColumnLabel(5)));
      assertEquals(Types.BIGINT, md.getColumnType(1));
      assertEquals(Types.DOUBLE, md.getColumnType(2));
      assertEquals(Types.INTEGER, md.getColumnType(3));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(3));
    }
    // A text key keeps its name and type; an input may select more than its key.
    // Nearest [gamma, eps]; titles last first [zeta, gamma, eps].
    assertEquals(List.of("gamma|2", "eps|3", "zeta|1"), text(c, "SELECT title, rank_2 "
        + "FROM TABLE(RRF(CURSOR(SELECT title, price FROM docs ORDER BY embedding <-> '[0,0]' "
        + "LIMIT 2), CURSOR(SELECT * FROM (SELECT title FROM docs) ORDER BY title DESC "
        + "LIMIT 3)))"));
  }

  @Test
  void joinsBackToTheTableWithBoundParameters() throws SQLException {
    String sql = "SELECT d.id, d.title, f.score FROM TABLE(RRF(CURSOR(SELECT id FROM docs "
        + "ORDER BY embedding <-> ? LIMIT 3), CURSOR(SELECT id FROM docs WHERE price > ? "
        + "ORDER BY embedding <#> ? LIMIT 3), 60)) f JOIN docs d ON d.id = f.id "
        + "ORDER BY f.score DESC, d.id LIMIT 10";
    // Nearest [3, 5, 1]; price > 25, aligned to [1,1]: [4, 2, 3]. 2 and 5 tie at 1/62.
    assertEquals(List.of("3|gamma|" + (1.0 / 61 + 1.0 / 63), "4|delta|" + 1.0 / 61,
        "2|beta|" + 1.0 / 62, "5|eps|" + 1.0 / 62, "1|alpha|" + 1.0 / 63),
        text(c, sql, new float[] {0, 0}, 25, "[1,1]"));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, "[0,0]");
      ps.setDouble(2, 55);
      ps.setString(3, "[1,1]");
      // Only 5 costs more than 55: 5 scores 1/62 + 1/61, 3 1/61, 1 1/63.
      assertEquals(List.of("5|eps", "3|gamma", "1|alpha"), idsAndTitles(ps));
      ps.setString(1, "[5,12]");
      ps.setDouble(2, 0);
      // Nearest to [5,12]: 4, 2, 1; aligned: 4, 2, 1 (6 has no vector, so no score).
      assertEquals(List.of("4|delta", "2|beta", "1|alpha"), idsAndTitles(ps));
    }
  }

  private static List<String> idsAndTitles(PreparedStatement ps) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1) + "|" + rs.getString(2));
      }
    }
    return out;
  }

  @Test
  void anyRankedQueryIsAnInputFusionsIncluded() throws SQLException {
    // A union and a fusion as inputs: [5, 1] by id descending; the inner RRF of nearest [3, 5]
    // and priciest [5, 2] ranks 5, 3, 2.
    List<Row> f = fused("SELECT * FROM TABLE(RRF(CURSOR(SELECT id FROM docs WHERE id = 1 "
        + "UNION ALL SELECT id FROM docs WHERE id = 5 ORDER BY id DESC LIMIT 2), CURSOR(SELECT "
        + "id FROM TABLE(RRF(" + in(NEAREST, 2) + ", " + in(PRICIEST, 2) + ")) ORDER BY score "
        + "DESC LIMIT 3), 1))");
    // 5: 1/2 + 1/2; 1: 1/3; 3: 1/3; 2: 1/4.
    assertEquals(List.of(5L, 1L, 3L, 2L), ids(f));
    assertEquals(1.0, f.get(0).score(), 0.0);
    assertEquals(ranks(null, 2), f.get(2).ranks());
  }

  @Test
  void aRowWithoutAKeyIsSkippedButKeepsItsPlace() throws SQLException {
    List<List<Object>> r = rows(c, "SELECT * FROM TABLE(RRF(CURSOR(SELECT NULLIF(id, 5) "
        + "FROM docs ORDER BY price DESC LIMIT 3), " + in(NEAREST, 1) + ", 60))");
    // Priciest [5 -> NULL, 2, 3]: 2 keeps rank 2 and 3 rank 3; nearest [3].
    assertEquals(3L, ((Number) r.get(0).get(0)).longValue());
    assertEquals(1.0 / 63 + 1.0 / 61, ((Number) r.get(0).get(1)).doubleValue(), EPS);
    assertEquals(2L, ((Number) r.get(1).get(0)).longValue());
    assertEquals(2, ((Number) r.get(1).get(2)).intValue());
    assertEquals(2, r.size());
  }

  @Test
  void explainShowsTheFusionOverPlannedInputs() throws SQLException {
    String plan = String.join("\n", text(c, "EXPLAIN PLAN FOR SELECT d.title, f.score FROM "
        + "TABLE(RRF(" + in(NEAREST, 10) + ", " + in(CHEAP_NEAREST, 10) + ", " + in(PRICIEST, 5)
        + ", 60)) f JOIN docs d ON d.id = f.id"));
    assertTrue(plan.contains("AzimuthFusion(method=[RRF], k=[60])"), plan);
    assertTrue(plan.matches("(?s).*AzimuthFusion.*AzimuthVectorSearch\\(table=\\[\\[PUBLIC, "
        + "DOCS]], column=\\[EMBEDDING], read=\\[\\[ID]], distance=\\[L2_DISTANCE], "
        + "query=\\[.*], k=\\[10], strategy=\\[exact]\\).*"), plan);
    assertTrue(plan.contains("AzimuthTableScan(table=[[PUBLIC, DOCS]], columns=[[PRICE]], "
        + "rowId=[true], filter=[<($0, 45.0E0)])"), "the filter is pushed into its input's search: "
        + plan);
    assertTrue(plan.contains("AzimuthFloatSort(sort0=[$1], dir0=[DESC], fetch=[5])"), plan);
    String weighted = String.join("\n", text(c, "EXPLAIN PLAN FOR SELECT * FROM "
        + "TABLE(WEIGHTED_FUSION(" + in(NEAREST, 10) + ", " + in(ALIGNED, 10)
        + ", ARRAY[0.5, 0.5]))"));
    assertTrue(weighted.contains("AzimuthFusion(method=[WEIGHTED], weights=[[0.5, 0.5]], "
        + "normalization=[[L2_DISTANCE, NEGATIVE_INNER_PRODUCT]])"), weighted);
  }

  @Test
  void concurrentAndSequentialInputsAgree() throws SQLException {
    String sql = "SELECT * FROM TABLE(RRF(" + in(NEAREST, 4) + ", " + in(PRICIEST, 4) + ", "
        + in(ALIGNED, 4) + "))";
    try {
      update(c, "SET fusion_parallel = true");
      List<String> concurrent = text(c, sql);
      update(c, "SET fusion_parallel = false");
      assertEquals(concurrent, text(c, sql));
      update(c, "SET fusion_parallel = auto");
      assertEquals(concurrent, text(c, sql));
    } finally {
      update(c, "SET fusion_parallel = auto");
    }
    assertEquals("22023", fails("22023", () -> update(c, "SET fusion_parallel = 'sometimes'"))
        .getSQLState());
  }

  @Test
  void badCallsAreRefusedWithTheirReason() {
    String one = "SELECT * FROM TABLE(RRF(" + in(NEAREST, 3) + "))";
    assertTrue(fails("42601", () -> text(c, one)).getMessage().contains("2 to 10"));
    StringBuilder eleven = new StringBuilder("SELECT * FROM TABLE(RRF(");
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : ", ").append(in(NEAREST, 3));
    }
    fails("42601", () -> text(c, eleven + "))"));
    String unranked = fails("42601", () -> text(c, "SELECT * FROM TABLE(RRF(CURSOR(SELECT id "
        + "FROM docs LIMIT 3), " + in(NEAREST, 3) + "))")).getMessage();
    assertTrue(unranked.contains("input 1 of RRF must be a ranked query"), unranked);
    fails("42601", () -> text(c, "SELECT * FROM TABLE(RRF(" + in(NEAREST, 3)
        + ", CURSOR(SELECT id FROM docs ORDER BY price)))"));
    String keys = fails("42804", () -> text(c, "SELECT * FROM TABLE(RRF(" + in(NEAREST, 3)
        + ", CURSOR(SELECT title FROM docs ORDER BY price LIMIT 2)))")).getMessage();
    assertTrue(keys.contains("keys of one type"), keys);
    assertTrue(fails("22023", () -> text(c, "SELECT * FROM TABLE(RRF(" + in(NEAREST, 3) + ", "
        + in(PRICIEST, 3) + ", 0))")).getMessage().contains("positive"));
    fails("22023", () -> text(c, "SELECT * FROM TABLE(RRF(" + in(NEAREST, 3) + ", "
        + in(PRICIEST, 3) + ", k => -5))"));
    fails("42601", () -> text(c, "SELECT * FROM TABLE(RRF(" + in(NEAREST, 3) + ", "
        + in(PRICIEST, 3) + ", depth => 5))"));
    String weights = fails("22023", () -> text(c, "SELECT * FROM TABLE(WEIGHTED_FUSION("
        + in(NEAREST, 3) + ", " + in(ALIGNED, 3) + ", ARRAY[1, 2, 3]))")).getMessage();
    assertTrue(weights.contains("2 inputs but 3 weights"), weights);
    fails("22023", () -> text(c, "SELECT * FROM TABLE(WEIGHTED_FUSION(" + in(NEAREST, 3) + ", "
        + in(ALIGNED, 3) + ", ARRAY[1, -1]))"));
    fails("42601", () -> text(c, "SELECT * FROM TABLE(WEIGHTED_FUSION(" + in(NEAREST, 3) + ", "
        + in(ALIGNED, 3) + "))"));
    String metric = fails("42804", () -> text(c, "SELECT * FROM TABLE(WEIGHTED_FUSION("
        + in(NEAREST, 3) + ", " + in(PRICIEST, 3) + ", ARRAY[0.5, 0.5]))")).getMessage();
    assertTrue(metric.contains("cannot normalise the scores of input 2"), metric);
    fails("22023", () -> text(c, "SELECT * FROM TABLE(WEIGHTED_FUSION(" + in(NEAREST, 3)
        + ", CURSOR(SELECT id FROM docs ORDER BY embedding <-> '[1,1]' DESC LIMIT 3), "
        + "ARRAY[0.5, 0.5]))"));
  }

  @Test
  void aFailedFusionLeavesTheConnectionUsable() throws SQLException {
    fails("22000", () -> text(c, "SELECT * FROM TABLE(RRF(" + in(NEAREST, 3)
        + ", CURSOR(SELECT id FROM docs ORDER BY embedding <-> ? LIMIT 3)))",
        new float[] {1, 2, 3}));
    assertFalse(text(c, "SELECT * FROM TABLE(RRF(" + in(NEAREST, 3) + ", " + in(PRICIEST, 3)
        + "))").isEmpty());
  }
}
