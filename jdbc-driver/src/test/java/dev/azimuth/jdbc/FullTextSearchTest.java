package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Full-text search through SQL on a corpus small enough to score by hand: BM25 against the
 * formula, TEXT_MATCH, the same scores with and without a FULLTEXT index and across segments,
 * EXPLAIN of index and exact scans, WHERE conjuncts, joins, parameters, updates and deletes seen
 * by the very next query, SYS.INDEXES, DROP INDEX and bad input.
 */
class FullTextSearchTest {
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  /** id, category, body: the standard analyzer lower-cases and splits on word boundaries. */
  private static final Object[][] DOCS = {
      {1L, 1, "RocksDB compaction is slow"},
      {2L, 2, "compaction, compaction everywhere"},
      {3L, 1, "Lucene segments merge"},
      {4L, 2, "RocksDB tuning guide for RocksDB users"},
      {5L, 1, null},
      {6L, 2, ""},
      {7L, 1, "the compaction of segments"}};

  private Connection c;

  @AfterEach
  void close() throws SQLException {
    if (c != null) {
      c.close();
    }
  }

  /** Loads the corpus, one row per statement, so that {@code seal_rows} splits it. */
  private void load(String url) throws SQLException {
    c = DriverManager.getConnection(url);
    update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, cat INTEGER, body VARCHAR(200))");
    update(c, "CREATE TABLE cats (id INTEGER PRIMARY KEY, name VARCHAR)");
    update(c, "INSERT INTO cats VALUES (1, 'storage'), (2, 'search')");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?)")) {
      for (Object[] doc : DOCS) {
        ps.setLong(1, (Long) doc[0]);
        ps.setInt(2, (Integer) doc[1]);
        ps.setString(3, (String) doc[2]);
        ps.executeUpdate();
      }
    }
  }

  /** The terms of a text as the standard analyzer makes them, for the hand computation. */
  private static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Expected BM25 of every live document with text, computed from the formula over
   * {@code live}: IDF = ln(1 + (N - df + 0.5) / (df + 0.5)) over the documents with text.
   */
  private static Map<Long, Double> expectedScores(List<Object[]> live, String query) {
    List<String> q = terms(query);
    int n = 0;
    long total = 0;
    for (Object[] doc : live) {
      if (doc[2] != null) {
        n++;
        total += terms((String) doc[2]).size();
      }
    }
    double avgdl = (double) total / n;
    Map<Long, Double> scores = new LinkedHashMap<>();
    for (Object[] doc : live) {
      if (doc[2] == null) {
        continue;
      }
      List<String> d = terms((String) doc[2]);
      double score = 0;
      for (String term : q) {
        long df = live.stream().filter(o -> o[2] != null
            && terms((String) o[2]).contains(term)).count();
        long tf = d.stream().filter(term::equals).count();
        if (tf > 0) {
          double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * d.size() / avgdl));
        }
      }
      scores.put((Long) doc[0], score);
    }
    return scores;
  }

  private List<Object[]> corpus() {
    return new ArrayList<>(List.of(DOCS));
  }

  private String explain(String sql, Object... params) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (List<Object> row : rows(c, "EXPLAIN PLAN FOR " + sql, params)) {
      b.append(row.get(0)).append('\n');
    }
    return b.toString();
  }

  /** (id, score) of the rows of a query whose first two columns are those. */
  private Map<Long, Double> scores(String sql, Object... params) throws SQLException {
    Map<Long, Double> out = new LinkedHashMap<>();
    for (List<Object> row : rows(c, sql, params)) {
      out.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).doubleValue());
    }
    return out;
  }

  private static void assertScores(Map<Long, Double> expected, Map<Long, Double> actual) {
    assertEquals(expected.keySet(), actual.keySet(), "ids: " + actual);
    for (Map.Entry<Long, Double> e : expected.entrySet()) {
      assertEquals(e.getValue(), actual.get(e.getKey()), 1e-12, "score of " + e.getKey());
    }
  }

  /** The expected matches of a query, best first, ties by id (the corpus has none that matter). */
  private static Map<Long, Double> ranked(Map<Long, Double> all, int k) {
    Map<Long, Double> out = new LinkedHashMap<>();
    all.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<Long, Double>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(k).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static final String TOP = "SELECT id, BM25(body, 'rocksdb compaction') AS s FROM docs "
      + "WHERE TEXT_MATCH(body, 'rocksdb compaction') ORDER BY s DESC LIMIT 10";

  @Test
  void scoresFollowTheFormulaWithAndWithoutAnIndex() throws SQLException {
    load("jdbc:azimuth:mem:;seal_rows=3");
    Map<Long, Double> expected = expectedScores(corpus(), "rocksdb compaction");
    // Rows 1-3 and 4-6 are sealed segments, 7 is in the growing one: IDF spans all three.
    assertTrue(explain(TOP).contains("strategy=[exact]"), explain(TOP));
    Map<Long, Double> exact = scores(TOP);
    assertScores(ranked(expected, 10), exact);
    assertEquals(List.of(1L, 4L, 2L, 7L), List.copyOf(exact.keySet()), "best first");
    // Row by row, every row: 0 where no term occurs and for NULL text.
    Map<Long, Double> all = scores("SELECT id, BM25(body, 'rocksdb compaction') FROM docs "
        + "ORDER BY id");
    Map<Long, Double> withZeros = new LinkedHashMap<>();
    for (Object[] doc : DOCS) {
      withZeros.put((Long) doc[0], expected.getOrDefault((Long) doc[0], 0.0));
    }
    assertScores(withZeros, all);
    assertEquals(List.of(List.of(1L), List.of(2L), List.of(4L), List.of(7L)),
        rows(c, "SELECT id FROM docs WHERE TEXT_MATCH(body, 'ROCKSDB Compaction') ORDER BY id"));

    update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body)");
    String plan = explain(TOP);
    assertTrue(plan.contains("strategy=[index], index=[DOCS_BODY (FULLTEXT)], "
        + "analyzer=[standard]"), plan);
    assertScores(ranked(expected, 10), scores(TOP));
    assertEquals(List.copyOf(exact.keySet()), List.copyOf(scores(TOP).keySet()));
    assertScores(withZeros, scores("SELECT id, BM25(body, 'rocksdb compaction') FROM docs "
        + "ORDER BY id"));
    // Rows added after the index land in the growing segment and count at once.
    update(c, "INSERT INTO docs VALUES (8, 1, 'rocksdb rocksdb rocksdb')");
    List<Object[]> more = corpus();
    more.add(new Object[] {8L, 1, "rocksdb rocksdb rocksdb"});
    assertScores(ranked(expectedScores(more, "rocksdb compaction"), 10), scores(TOP));
  }

  @Test
  void explainShowsIndexScanOrExactScan() throws SQLException {
    load("jdbc:azimuth:mem:");
    String ordered = "SELECT id FROM docs WHERE TEXT_MATCH(body, ?) AND cat = 2 "
        + "ORDER BY BM25(body, ?) DESC LIMIT 5";
    String plan = explain(ordered, "rocksdb", "rocksdb");
    // The other conjunct is the search's input: a scan of the rows that pass it.
    assertTrue(plan.contains("AzimuthTextSearch(table=[[PUBLIC, DOCS]]"), plan);
    assertTrue(plan.contains("AzimuthTableScan(table=[[PUBLIC, DOCS]], columns=[[CAT]], "
        + "rowId=[true], filter=[=($0, 2)])"), plan);
    assertTrue(plan.contains("column=[BODY], read=[[ID]], query=[?1], match=[[BODY: ?0]], "
        + "k=[5], strategy=[exact], analyzer=[standard]"), plan);
    assertFalse(plan.contains("Sort"), "no sort of every row: " + plan);
    update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body) WITH (analyzer = 'english')");
    plan = explain(ordered, "rocksdb", "rocksdb");
    assertTrue(plan.contains("strategy=[index], index=[DOCS_BODY (FULLTEXT)], "
        + "analyzer=[english]"), plan);
    String exact = explain("SELECT /*+ EXACT */ id FROM docs ORDER BY BM25(body, 'x') DESC "
        + "LIMIT 5");
    assertTrue(exact.contains("strategy=[exact], analyzer=[english]"), exact);
    // Ascending order and LIMIT ? are plain sorts over scores computed row by row.
    assertTrue(explain("SELECT id FROM docs ORDER BY BM25(body, 'x') LIMIT 5")
        .contains("AzimuthFloatSort"));
  }

  @Test
  void filtersParametersAndTheFusionInputShape() throws SQLException {
    load("jdbc:azimuth:mem:;seal_rows=4");
    update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body)");
    Map<Long, Double> expected = expectedScores(corpus(), "compaction");
    Map<Long, Double> inCat2 = new LinkedHashMap<>(ranked(expected, 10));
    inCat2.keySet().removeIf(id -> !List.of(2L, 4L, 6L).contains(id));
    assertScores(inCat2, scores("SELECT id, BM25(body, ?) AS s FROM docs "
        + "WHERE TEXT_MATCH(body, ?) AND cat = ? ORDER BY s DESC LIMIT 10", "compaction",
        "compaction", 2));
    // The statement fusion takes as an input, its words bound twice.
    String fusionInput = "SELECT id FROM docs WHERE TEXT_MATCH(body, ?) "
        + "ORDER BY BM25(body, ?) DESC LIMIT 100";
    assertEquals(List.of(List.of(2L), List.of(1L), List.of(7L)),
        rows(c, fusionInput, "compaction", "compaction"));
    assertEquals(List.of(List.of(3L)), rows(c, "SELECT COUNT(*) FROM (" + fusionInput + ")",
        "compaction", "compaction"));
    // TEXT_MATCH on other words than the ranking: its rows, by the ranking words (2 has none).
    assertEquals(List.of(List.of(1L), List.of(7L), List.of(2L)), rows(c, "SELECT id FROM docs "
        + "WHERE TEXT_MATCH(body, ?) ORDER BY BM25(body, ?) DESC LIMIT 10", "compaction slow of",
        "slow segments"));
    // Without TEXT_MATCH, rows with no query term follow with score 0, as SQL orders them.
    List<List<Object>> padded = rows(c, "SELECT id, BM25(body, 'lucene') AS s FROM docs "
        + "WHERE cat = 1 ORDER BY s DESC LIMIT 3");
    assertEquals(3L, ((Number) padded.get(0).get(0)).longValue());
    assertEquals(List.of(0.0, 0.0), padded.subList(1, 3).stream().map(r -> r.get(1)).toList());
    // A NULL query matches nothing and scores 0.
    assertEquals(List.of(), rows(c, fusionInput, null, null));
    assertEquals(List.of(List.of(0L)), rows(c, "SELECT COUNT(*) FROM docs "
        + "WHERE TEXT_MATCH(body, ?)", (Object) null));
  }

  @Test
  void textMatchFiltersUseTheIndex() throws SQLException {
    load("jdbc:azimuth:mem:;seal_rows=3");
    String sql = "SELECT id FROM docs WHERE TEXT_MATCH(body, ?) AND cat = 1 ORDER BY id";
    assertFalse(explain(sql, "x").contains("AzimuthTextMatchScan"), "no index, row by row");
    List<List<Object>> rowByRow = rows(c, sql, "segments compaction");
    assertEquals(List.of(List.of(1L), List.of(3L), List.of(7L)), rowByRow);
    update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body)");
    String plan = explain(sql, "x");
    assertTrue(plan.contains("AzimuthTextMatchScan(table=[[PUBLIC, DOCS]], match=[[BODY: ?0]], "
        + "index=[[DOCS_BODY]])"), plan);
    assertEquals(rowByRow, rows(c, sql, "segments compaction"));
    assertTrue(explain(sql.replace("SELECT", "SELECT /*+ EXACT */"), "x")
        .contains("TEXT_MATCH("), "the hint keeps it row by row");
    update(c, "DELETE FROM docs WHERE id = 3");
    update(c, "INSERT INTO docs VALUES (9, 1, 'merge segments'), (0, 1, 'compaction')");
    assertEquals(List.of(List.of(0L), List.of(1L), List.of(7L), List.of(9L)),
        rows(c, sql, "segments compaction"));
    // Like the table scan it replaces, the match scan yields rows in key order (the planner may
    // rely on it): row 0, in the growing segment, comes first.
    String unordered = sql.replace(" ORDER BY id", "");
    assertTrue(explain(unordered, "x").contains("AzimuthTextMatchScan"));
    assertEquals(List.of(List.of(0L), List.of(1L), List.of(7L), List.of(9L)),
        rows(c, unordered, "segments compaction"));
    assertEquals(List.of(List.of(1L)), rows(c, "SELECT COUNT(*) FROM docs "
        + "WHERE TEXT_MATCH(body, 'rocksdb') AND TEXT_MATCH(body, 'compaction everywhere')"));
    // Writes find their rows the same way.
    assertEquals(1, update(c, "UPDATE docs SET cat = 2 WHERE TEXT_MATCH(body, 'merge')"));
    assertEquals(2, update(c, "DELETE FROM docs WHERE TEXT_MATCH(body, 'rocksdb')"));
    assertEquals(List.of(List.of(0L), List.of(7L)), rows(c, sql, "segments compaction"));
  }

  @Test
  void vectorSearchFilteredByTextMatch() throws SQLException {
    c = DriverManager.getConnection("jdbc:azimuth:mem:;seal_rows=2");
    update(c, "CREATE TABLE items (id BIGINT PRIMARY KEY, body VARCHAR, v VECTOR(2))");
    update(c, "INSERT INTO items VALUES (1, 'red fox', '[1,0]'), (2, 'blue fox', '[0,1]')");
    update(c, "INSERT INTO items VALUES (3, 'red hen', '[3,0]'), (4, 'red owl', '[0,2]')");
    update(c, "CREATE INDEX items_body ON items USING FULLTEXT (body)");
    update(c, "INSERT INTO items VALUES (5, 'green owl', '[0.5,0]')");
    String sql = "SELECT id FROM items WHERE TEXT_MATCH(body, ?) ORDER BY v <-> '[0,0]' LIMIT 2";
    String plan = explain(sql, "x");
    assertTrue(plan.contains("AzimuthVectorSearch") && plan.contains("AzimuthTextMatchScan("
        + "table=[[PUBLIC, ITEMS]], columns=[[BODY]], rowId=[true], match=[[BODY: ?0]]"), plan);
    assertEquals(List.of(List.of(1L), List.of(4L)), rows(c, sql, "red"));
    assertEquals(List.of(List.of(5L), List.of(4L)), rows(c, sql, "owl"));
  }

  @Test
  void underAJoin() throws SQLException {
    load("jdbc:azimuth:mem:;seal_rows=2");
    update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body)");
    String sql = "SELECT d.id, c.name, d.s FROM (SELECT id, cat, BM25(body, ?) AS s FROM docs "
        + "WHERE TEXT_MATCH(body, ?) ORDER BY s DESC LIMIT 2) d JOIN cats c ON d.cat = c.id "
        + "ORDER BY d.s DESC";
    String plan = explain(sql, "rocksdb compaction", "rocksdb compaction");
    assertTrue(plan.contains("AzimuthTextSearch") && plan.contains("strategy=[index]"), plan);
    Map<Long, Double> expected = ranked(expectedScores(corpus(), "rocksdb compaction"), 2);
    List<List<Object>> got = rows(c, sql, "rocksdb compaction", "rocksdb compaction");
    assertEquals(List.of(1L, 4L), got.stream().map(r -> ((Number) r.get(0)).longValue())
        .toList());
    assertEquals(List.of("storage", "search"), got.stream().map(r -> r.get(1)).toList());
    assertEquals(expected.get(1L), ((Number) got.get(0).get(2)).doubleValue(), 1e-12);
    assertEquals(expected.get(4L), ((Number) got.get(1).get(2)).doubleValue(), 1e-12);
  }

  @Test
  void updatesAndDeletesAreSeenByTheNextQuery() throws SQLException {
    load("jdbc:azimuth:mem:;seal_rows=3");
    update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body)");
    List<Object[]> live = corpus();
    // Row 4 sits in an indexed segment: deleting it changes matches and statistics at once.
    update(c, "DELETE FROM docs WHERE id = 4");
    live.removeIf(d -> (Long) d[0] == 4L);
    assertScores(ranked(expectedScores(live, "rocksdb compaction"), 10), scores(TOP));
    // An update moves row 3 to the growing segment with its new text.
    update(c, "UPDATE docs SET body = 'rocksdb lucene' WHERE id = 3");
    live.replaceAll(d -> (Long) d[0] == 3L ? new Object[] {3L, 1, "rocksdb lucene"} : d);
    Map<Long, Double> expected = ranked(expectedScores(live, "rocksdb compaction"), 10);
    assertTrue(expected.containsKey(3L));
    assertScores(expected, scores(TOP));
    Map<Long, Double> exact = scores(TOP.replace("SELECT", "SELECT /*+ EXACT */"));
    assertScores(expected, exact);
  }

  @Test
  void systemTableAndDropIndex() throws SQLException {
    load("jdbc:azimuth:mem:;seal_rows=4");
    update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body) WITH (analyzer = 'simple')");
    List<List<Object>> states = rows(c, "SELECT index_name, column_name, index_type, metric, "
        + "options, state, indexed_vectors FROM sys.indexes ORDER BY segment");
    assertEquals(2, states.size(), states.toString());
    for (List<Object> s : states) {
      assertEquals(List.of("DOCS_BODY", "BODY", "FULLTEXT", "bm25", "analyzer=simple", "READY"),
          s.subList(0, 6));
    }
    // Six rows have text, one is NULL.
    assertEquals(6L, states.stream().mapToLong(s -> ((Number) s.get(6)).longValue()).sum());
    update(c, "DROP INDEX docs_body");
    assertEquals(List.of(), rows(c, "SELECT * FROM sys.indexes"));
    assertTrue(explain(TOP).contains("strategy=[exact]"));
    assertScores(ranked(expectedScores(corpus(), "rocksdb compaction"), 10), scores(TOP));
  }

  @Test
  void badInputIsRejectedClearly() throws SQLException {
    load("jdbc:azimuth:mem:");
    assertTrue(fails("22023", () -> update(c, "CREATE INDEX i ON docs USING FULLTEXT (body) "
        + "WITH (analyzer = 'klingon')")).getMessage().contains("unknown text analyzer"));
    fails("22023", () -> update(c, "CREATE INDEX i ON docs USING FULLTEXT (body) "
        + "WITH (m = 16)"));
    assertTrue(fails("42804", () -> update(c, "CREATE INDEX i ON docs USING FULLTEXT (cat)"))
        .getMessage().contains("needs a VARCHAR column"));
    assertTrue(fails("42804", () -> rows(c, "SELECT id FROM docs WHERE TEXT_MATCH(cat, 'x')"))
        .getMessage().contains("TEXT_MATCH needs a VARCHAR column"));
    fails("42804", () -> rows(c, "SELECT BM25(UPPER(body), 'x') FROM docs"));
    fails("42804", () -> rows(c, "SELECT BM25(body, 42) FROM docs"));
    fails("42804", () -> rows(c, "SELECT BM25(b, 'x') FROM (SELECT body AS b FROM docs)"));
    assertTrue(fails("42883", () -> rows(c, "SELECT BM25(body) FROM docs")).getMessage()
        .contains("function BM25 takes 2 arguments"));
    update(c, "CREATE INDEX i ON docs USING FULLTEXT (body)");
    assertTrue(fails("42710", () -> update(c, "CREATE INDEX j ON docs USING FULLTEXT (body)"))
        .getMessage().contains("already has FULLTEXT index I"));
    fails("42704", () -> update(c, "CREATE INDEX j ON docs USING FULLTXT (body)"));
    // Nothing was lost on the way, and the connection still works.
    assertEquals(List.of(List.of(7L)), rows(c, "SELECT COUNT(*) FROM docs"));
  }
}
