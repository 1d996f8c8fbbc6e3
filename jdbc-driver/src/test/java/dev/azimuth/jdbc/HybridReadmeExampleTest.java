package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static dev.azimuth.jdbc.Sql.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of the README's "Hybrid search" section, statement for statement. */
class HybridReadmeExampleTest {
  private static final String INPUTS = "CURSOR(SELECT id FROM docs ORDER BY embedding <=> "
      + "'[1,0,0]' LIMIT 100), CURSOR(SELECT id FROM docs WHERE TEXT_MATCH(body, 'compaction') "
      + "ORDER BY BM25(body, 'compaction') DESC LIMIT 100)";

  @Test
  void theExampleGivesTheOutputShown() throws SQLException {
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(100), "
          + "body VARCHAR(1000), embedding VECTOR(3))");
      update(c, "INSERT INTO docs VALUES "
          + "(1, 'RocksDB tuning', 'compaction and write amplification in rocksdb', "
          + "'[0.9,0.1,0.0]'), "
          + "(2, 'LSM trees', 'log structured merge trees and their compaction', "
          + "'[0.8,0.3,0.1]'), "
          + "(3, 'Vector search', 'approximate nearest neighbour search with graphs', "
          + "'[0.1,0.9,0.2]'), "
          + "(4, 'BM25 explained', 'ranking documents by term frequency', '[0.2,0.4,0.9]'), "
          + "(5, 'Compaction stalls', 'when compaction falls far behind, all writes stall', "
          + "'[0.6,0.2,0.5]')");
      update(c, "CREATE INDEX docs_embedding ON docs USING HNSW (embedding) "
          + "WITH (metric = 'cosine')");
      update(c, "CREATE INDEX docs_body ON docs USING FULLTEXT (body)");

      List<List<Object>> rrf = rows(c, "SELECT d.id, d.title, f.score, f.rank_1, f.rank_2 "
          + "FROM TABLE(RRF(" + INPUTS + ", 60)) f JOIN docs d ON d.id = f.id "
          + "ORDER BY f.score DESC LIMIT 10");
      assertEquals(List.of(
          Arrays.asList(1L, "RocksDB tuning", 2.0 / 61, 1, 1),
          Arrays.asList(2L, "LSM trees", 2.0 / 62, 2, 2),
          Arrays.asList(5L, "Compaction stalls", 2.0 / 63, 3, 3),
          Arrays.asList(4L, "BM25 explained", 1.0 / 64, 4, null),
          Arrays.asList(3L, "Vector search", 1.0 / 65, 5, null)), rrf);

      List<List<Object>> weighted = rows(c, "SELECT d.id, f.score FROM TABLE(WEIGHTED_FUSION("
          + INPUTS + ", weights => ARRAY[0.7, 0.3])) f JOIN docs d ON d.id = f.id "
          + "ORDER BY f.score DESC LIMIT 10");
      assertEquals(List.of(1L, 2L, 5L, 4L, 3L), weighted.stream().map(r -> r.get(0)).toList());
      double distance = ((Number) value(c,
          "SELECT embedding <=> '[1,0,0]' FROM docs WHERE id = 1")).doubleValue();
      double bm25 = ((Number) value(c,
          "SELECT BM25(body, 'compaction') FROM docs WHERE id = 1")).doubleValue();
      assertEquals(0.00612, distance, 1e-5);
      assertEquals(0.5531, bm25, 1e-4);
      assertEquals(0.7 * (1 - distance / 2) + 0.3 * 2 * Math.atan(bm25) / Math.PI,
          ((Number) weighted.get(0).get(1)).doubleValue(), 1e-15);
    }
  }
}
