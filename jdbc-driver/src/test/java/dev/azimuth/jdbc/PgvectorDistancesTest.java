package dev.azimuth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Distances print as pgvector prints them: sums taken in float, the last step (square root,
 * division) in double. Checked on seeded random vectors of small integers, whose float sums are
 * exact, so the expected values computed here (pgvector's formulas, written out) must match to
 * the last bit.
 */
class PgvectorDistancesTest {
  @Test
  void distancesMatchPgvectorsArithmetic() throws SQLException {
    long seed = Long.getLong("pgvector.seed", 20261208L);
    Random random = new Random(seed);
    try (Connection c = Sql.memory();
         PreparedStatement ps = c.prepareStatement("SELECT ?::vector <-> ?::vector, "
             + "?::vector <=> ?::vector, ?::vector <#> ?::vector, ?::vector <+> ?::vector")) {
      for (int round = 0; round < 300; round++) {
        int dim = 1 + random.nextInt(16);
        float[] a = new float[dim];
        float[] b = new float[dim];
        for (int i = 0; i < dim; i++) {
          a[i] = random.nextInt(101) - 50;
          b[i] = random.nextInt(101) - 50;
        }
        String x = text(a);
        String y = text(b);
        for (int p = 0; p < 4; p++) {
          ps.setString(2 * p + 1, x);
          ps.setString(2 * p + 2, y);
        }
        float squared = 0;
        float dot = 0;
        float na = 0;
        float nb = 0;
        float l1 = 0;
        for (int i = 0; i < dim; i++) {
          float diff = a[i] - b[i];
          squared += diff * diff;
          dot += a[i] * b[i];
          na += a[i] * a[i];
          nb += b[i] * b[i];
          l1 += Math.abs(diff);
        }
        double similarity = na == 0 || nb == 0 ? Double.NaN
            : Math.max(-1, Math.min(1, (double) dot / Math.sqrt((double) na * (double) nb)));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          String where = "seed " + seed + " round " + round + ": " + x + ", " + y;
          assertEquals(Math.sqrt((double) squared), rs.getDouble(1), 0.0, where);
          assertEquals(1.0 - similarity, rs.getDouble(2), 0.0, where);
          assertEquals(-(double) dot, rs.getDouble(3), 0.0, where);
          assertEquals((double) l1, rs.getDouble(4), 0.0, where);
        }
      }
    }
  }

  private static String text(float[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ",").append((int) v[i]);
    }
    return b.append(']').toString();
  }
}
