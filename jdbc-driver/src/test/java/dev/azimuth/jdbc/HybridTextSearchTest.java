package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hybrid search as the README shows it: a vector search and a BM25 search fused by RRF (and by
 * weights) and joined back to the table, with the statement's parameters bound from JDBC, on a
 * corpus whose rankings are plain to see.
 *
 * <pre>
 * id  body                               'compaction' tf   embedding  1 - cos to [0,1]
 *  1  compaction compaction compaction   3                 [3,4]      0.2
 *  2  compaction tuning guide            1                 [8,6]      0.4
 *  3  lucene segments merge              -                 [0,1]      0
 *  4  compaction compaction merge        2                 [5,12]     1/13
 *  5  vector search                      -                 [0,-2]     2
 *  6  NULL                               -                 NULL       NULL (last)
 * </pre>
 *
 * Every text has three terms but 5's, so BM25 ranks the matches by tf: 1, 4, 2.
 */
class HybridTextSearchTest {
  /** The statement the README and the issue give, word for word. */
  private static final String HYBRID = "SELECT d.id, d.title, f.score FROM TABLE(RRF("
      + "CURSOR(SELECT id FROM docs ORDER BY embedding <=> ? LIMIT 100), "
      + "CURSOR(SELECT id FROM docs WHERE TEXT_MATCH(body, ?) ORDER BY BM25(body, ?) DESC "
      + "LIMIT 100), 60)) f JOIN docs d ON d.id = f.id ORDER BY f.score DESC LIMIT 10";
  private Connection c;

  @BeforeEach
  void load() throws SQLException {
    c = Sql.memory();
    update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(100), "
        + "body VARCHAR(1000), embedding VECTOR(2))");
    update(c, "INSERT INTO docs VALUES "
        + "(1, 'one', 'compaction compaction compaction', '[3,4]'), "
        + "(2, 'two', 'compaction tuning guide', '[8,6]'), "
        + "(3, 'three', 'lucene segments merge', '[0,1]'), "
        + "(4, 'four', 'compaction compaction merge', '[5,12]'), "
        + "(5, 'five', 'vector search', '[0,-2]'), "
        + "(6, 'six', NULL, NULL)");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private List<String> hybrid() throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(HYBRID)) {
      ps.setObject(1, new float[] {0, 1});
      ps.setString(2, "compaction");
      ps.setString(3, "compaction");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getDouble(3));
        }
      }
    }
    return out;
  }

  /** Vector ranks: 3, 4, 1, 2, 5, 6; text ranks: 1, 4, 2. */
  private static List<String> expectedRrf() {
    return List.of("1|one|" + (1.0 / 63 + 1.0 / 61), "4|four|" + (1.0 / 62 + 1.0 / 62),
        "2|two|" + (1.0 / 64 + 1.0 / 63), "3|three|" + 1.0 / 61, "5|five|" + 1.0 / 65,
        "6|six|" + 1.0 / 66);
  }

  @Test
  void theReadmeStatementRunsAsWritten() throws SQLException {
    assertEquals(expectedRrf(), hybrid());
  }

  @Test
  void withIndexesEachInputSearchesItsOwn() throws SQLException {
    update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body)");
    update(c, "CREATE INDEX docs_embedding ON docs USING HNSW (embedding) "
        + "WITH (metric = 'cosine')");
    assertEquals(expectedRrf(), hybrid());
    StringBuilder plan = new StringBuilder();
    for (List<Object> row : rows(c, "EXPLAIN PLAN FOR " + HYBRID, new float[] {0, 1},
        "compaction", "compaction")) {
      plan.append(row.get(0)).append('\n');
    }
    String p = plan.toString();
    String inputs = p.substring(p.indexOf("AzimuthFusion(method=[RRF], k=[60])"));
    assertTrue(inputs.contains("AzimuthVectorSearch(table=[[PUBLIC, DOCS]], "
        + "column=[EMBEDDING], read=[[ID]], distance=[COSINE_DISTANCE], query=[?0], k=[100], "
        + "strategy=[index], index=[DOCS_EMBEDDING (HNSW)]"), p);
    assertTrue(inputs.contains("AzimuthTextSearch(table=[[PUBLIC, DOCS]]"), p);
    assertTrue(inputs.substring(inputs.indexOf("AzimuthTextSearch")).contains(
        "strategy=[index]"), p);
  }

  @Test
  void weightedFusionNormalisesBm25AndCosine() throws SQLException {
    List<List<Object>> got = rows(c, "SELECT id, score FROM TABLE(WEIGHTED_FUSION("
        + "CURSOR(SELECT id FROM docs ORDER BY embedding <=> ? LIMIT 2), "
        + "CURSOR(SELECT id FROM docs WHERE TEXT_MATCH(body, ?) ORDER BY BM25(body, ?) DESC "
        + "LIMIT 2), ARRAY[0.6, 0.4]))", new float[] {0, 1}, "compaction", "compaction");
    // BM25 over the five texts: N = 5, df = 3, average length 14/5, every match 3 terms long.
    double idf = Math.log(1 + (5 - 3 + 0.5) / (3 + 0.5));
    double norm = 1.2 * (1 - 0.75 + 0.75 * 3 / 2.8);
    double bm1 = idf * 3 * 2.2 / (3 + norm);
    double bm4 = idf * 2 * 2.2 / (2 + norm);
    // Vector input [3 (0), 4 (1/13)]; text input [1, 4].
    double s3 = 0.6 * 1;
    double s4 = 0.6 * (1 - (1 - 12.0 / 13) / 2) + 0.4 * (2 * Math.atan(bm4) / Math.PI);
    double s1 = 0.4 * (2 * Math.atan(bm1) / Math.PI);
    // s4 = 0.6 * 0.9615 + 0.4 * 0.6398 = 0.8328; s3 = 0.6; s1 = 0.4 * 0.7025 = 0.2810.
    assertEquals(List.of(4L, 3L, 1L), got.stream().map(r -> ((Number) r.get(0)).longValue())
        .toList());
    assertEquals(s4, ((Number) got.get(0).get(1)).doubleValue(), 1e-7);
    assertEquals(s3, ((Number) got.get(1).get(1)).doubleValue(), 0.0);
    assertEquals(s1, ((Number) got.get(2).get(1)).doubleValue(), 1e-12);
  }
}
