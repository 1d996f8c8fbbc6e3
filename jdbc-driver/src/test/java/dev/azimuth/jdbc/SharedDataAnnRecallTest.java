package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recall of an HNSW index on real embeddings, through SQL, above a fixed floor: the first
 * 10,000 WordNet glosses (MiniLM, 384 dimensions, cosine) and 200 definition queries, against
 * brute force in double precision. A correctness test: it times nothing.
 */
class SharedDataAnnRecallTest {
  static final int ROWS = 10_000;
  static final int QUERIES = 200;

  @Test
  void hnswIndexFindsTheTrueNeighboursOfRealEmbeddings() throws Exception {
    Path dir = SharedData.dataset("wordnet-minilm-384-angular");
    List<float[]> base = SharedData.fvecs(dir.resolve("base.fvecs")).subList(0, ROWS);
    List<float[]> queries =
        SharedData.fvecs(dir.resolve("query_definition.fvecs")).subList(0, QUERIES);
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE glosses (id INTEGER PRIMARY KEY, embedding VECTOR(384) NOT NULL)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO glosses VALUES (?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          ps.setInt(1, i);
          ps.setObject(2, base.get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      update(c, "CREATE INDEX glosses_hnsw ON glosses USING HNSW (embedding) "
          + "WITH (metric = 'cosine', m = 16, ef_construction = 64)");
      String sql = "SELECT id FROM glosses ORDER BY embedding <=> ? LIMIT 10";
      String plan = String.join("\n",
          Sql.text(c, "EXPLAIN PLAN FOR " + sql, (Object) queries.get(0)));
      assertTrue(plan.contains("strategy=[index]"), plan);
      int hits = 0;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int q = 0; q < QUERIES; q++) {
          Set<Integer> truth = exactTop10(base, queries.get(q));
          ps.setObject(1, queries.get(q));
          int rows = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              hits += truth.contains(rs.getInt(1)) ? 1 : 0;
              rows++;
            }
          }
          assertEquals(10, rows, "query " + q);
        }
      }
      double recall = hits / (10.0 * QUERIES);
      // The whole set gives about 0.98 at the default ef_search 40 (bench/README.md).
      assertTrue(recall >= 0.95, "recall@10 " + recall);
    }
  }

  private static Set<Integer> exactTop10(List<float[]> base, float[] query) {
    int[] best = new int[10];
    double[] bestDistance = new double[10];
    java.util.Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
    for (int i = 0; i < base.size(); i++) {
      double d = cosineDistance(base.get(i), query);
      if (d < bestDistance[9]) {
        int p = 9;
        while (p > 0 && bestDistance[p - 1] > d) {
          bestDistance[p] = bestDistance[p - 1];
          best[p] = best[p - 1];
          p--;
        }
        bestDistance[p] = d;
        best[p] = i;
      }
    }
    Set<Integer> out = new HashSet<>();
    for (int id : best) {
      out.add(id);
    }
    return out;
  }

  private static double cosineDistance(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return 1 - dot / Math.sqrt(na * nb);
  }
}
