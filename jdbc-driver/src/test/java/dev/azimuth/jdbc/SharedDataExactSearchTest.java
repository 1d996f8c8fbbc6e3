package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact search on real embeddings against the data set's exact ground truth: SAP Fiori docs,
 * 778 MiniLM vectors, 772 title queries, cosine. Recall is tie-aware, as ann-benchmarks scores
 * it: a returned row counts if its true distance is within the tenth neighbour's.
 */
class SharedDataExactSearchTest {
  @Test
  void exactCosineSearchMatchesGroundTruth() throws Exception {
    Path dir = SharedData.dataset("fiori-docs-minilm-384-angular");
    List<float[]> base = SharedData.fvecs(dir.resolve("base.fvecs"));
    List<float[]> queries = SharedData.fvecs(dir.resolve("query_title.fvecs"));
    List<int[]> truth = SharedData.ivecs(dir.resolve("groundtruth_title.ivecs"));
    List<float[]> truthDistances =
        SharedData.fvecs(dir.resolve("groundtruth_title_distances.fvecs"));
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE docs (id INTEGER PRIMARY KEY, embedding VECTOR(384) NOT NULL)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?)")) {
        for (int i = 0; i < base.size(); i++) {
          ps.setInt(1, i);
          ps.setObject(2, base.get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      int hits = 0;
      int asked = 0;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, embedding <=> ? AS d FROM docs ORDER BY d LIMIT 10")) {
        for (int q = 0; q < queries.size(); q++) {
          ps.setObject(1, queries.get(q));
          float tenth = truthDistances.get(q)[9];
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              double reported = rs.getDouble(2);
              float[] row = base.get(rs.getInt(1));
              assertEquals(cosine(row, queries.get(q)), reported, 1e-5, "query " + q);
              hits += reported <= tenth + 1e-5 ? 1 : 0;
              asked++;
            }
          }
          assertEquals(truth.get(q)[0], firstId(c, queries.get(q), truthDistances.get(q)[0]),
              "query " + q + ": nearest neighbour");
        }
      }
      double recall = hits / (double) asked;
      assertEquals(queries.size() * 10, asked);
      assertTrue(recall >= 0.999, "exact search recall@10 was " + recall);
    }
  }

  private static int firstId(Connection c, float[] query, float nearest) throws SQLException {
    // Ties for first place are possible in principle; take the lowest id among them, as the
    // ground truth does.
    List<List<Object>> rows = Sql.rows(c, "SELECT id FROM docs WHERE embedding <=> ? <= ? "
        + "ORDER BY id LIMIT 1", query, (double) nearest + 1e-6);
    return (Integer) rows.get(0).get(0);
  }

  private static double cosine(float[] a, float[] b) {
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
