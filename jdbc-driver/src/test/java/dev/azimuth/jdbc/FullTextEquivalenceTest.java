package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * On a seeded random corpus split into several segments, with deletions and updates, the index
 * scan, the exact scan ({@code /*+ EXACT *}{@code /}) and BM25 computed row by row give the same
 * rows and the same scores, to the last bit.
 */
class FullTextEquivalenceTest {
  private static final int ROWS = 2_500;
  private static final int K = 20;
  private static final String[] WORDS = new String[120];

  static {
    for (int i = 0; i < WORDS.length; i++) {
      WORDS[i] = "w" + Integer.toString(i * 7919 % 1000, 36) + (i % 3 == 0 ? "ing" : "s");
    }
  }

  /** Zipf-like: word i with weight 1 / (i + 1). */
  private static String word(Random random) {
    double u = random.nextDouble() * Math.log(WORDS.length + 1);
    return WORDS[Math.min(WORDS.length - 1, (int) Math.exp(u) - 1)];
  }

  private static String document(Random random) {
    StringBuilder b = new StringBuilder();
    int length = 3 + random.nextInt(25);
    for (int i = 0; i < length; i++) {
      b.append(i == 0 ? "" : " ").append(word(random));
    }
    return b.toString();
  }

  private record Hit(long id, double score) {}

  private static List<Hit> hits(Connection c, String sql, Object... params)
      throws SQLException {
    List<Hit> out = new ArrayList<>();
    for (List<Object> row : rows(c, sql, params)) {
      out.add(new Hit(((Number) row.get(0)).longValue(), ((Number) row.get(1)).doubleValue()));
    }
    return out;
  }

  @Test
  void indexExactAndRowByRowAgree() throws SQLException {
    Random random = new Random(20261202);
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:mem:;seal_rows=700")) {
      update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, tag INTEGER, body VARCHAR)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          ps.setLong(1, i);
          ps.setInt(2, i % 4);
          ps.setString(3, i % 97 == 0 ? null : document(random));
          ps.addBatch();
          if (i % 100 == 99) {
            ps.executeBatch();
          }
        }
      }
      update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body) "
          + "WITH (analyzer = 'english')");
      // Deletions in indexed segments, updates moving rows to the growing one, new rows.
      update(c, "DELETE FROM docs WHERE MOD(id, 13) = 0");
      try (PreparedStatement ps = c.prepareStatement("UPDATE docs SET body = ? WHERE id = ?")) {
        for (int i = 1; i < ROWS; i += 37) {
          ps.setString(1, document(random));
          ps.setLong(2, i);
          ps.executeUpdate();
        }
      }
      update(c, "INSERT INTO docs VALUES (100000, 1, 'the running wings'), "
          + "(100001, 2, NULL)");
      String indexed = "SELECT id, BM25(body, ?) AS s FROM docs WHERE TEXT_MATCH(body, ?) "
          + "AND tag <> 3 ORDER BY s DESC LIMIT " + K;
      String plan = rows(c, "EXPLAIN PLAN FOR " + indexed, "x", "x").toString();
      assertTrue(plan.contains("strategy=[index]"), plan);
      String exact = indexed.replace("SELECT", "SELECT /*+ EXACT */");
      for (int q = 0; q < 25; q++) {
        String words = word(random) + " " + word(random) + (q % 3 == 0 ? " " + word(random) : "");
        List<Hit> viaIndex = hits(c, indexed, words, words);
        assertEquals(viaIndex, hits(c, exact, words, words), words);
        Map<Long, Double> rowByRow = new HashMap<>();
        for (Hit h : hits(c, "SELECT id, BM25(body, ?) FROM docs WHERE tag <> 3 "
            + "AND TEXT_MATCH(body, ?)", words, words)) {
          rowByRow.put(h.id(), h.score());
        }
        List<Double> best = rowByRow.values().stream().sorted(Comparator.reverseOrder())
            .limit(K).toList();
        assertEquals(best, viaIndex.stream().map(Hit::score).toList(), words);
        for (Hit h : viaIndex) {
          assertEquals(rowByRow.get(h.id()), h.score(), words + ": row " + h.id());
        }
        assertTrue(!viaIndex.isEmpty(), "the query matched something: " + words);
      }
    }
  }
}
