package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A table with several VECTOR columns of different dimensions, each with its own index. */
class VectorColumnsTest {
  private static final int ROWS = 600;
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:azimuth:mem:;seal_rows=250");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private static float[] random(Random r, int dimension) {
    float[] v = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private List<Long> ids(String sql, Object param) throws SQLException {
    List<Long> out = new ArrayList<>();
    for (List<Object> row : rows(c, sql, param)) {
      out.add(((Number) row.get(0)).longValue());
    }
    return out;
  }

  private String plan(String sql, Object param) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (List<Object> row : rows(c, "EXPLAIN PLAN FOR " + sql, param)) {
      b.append(row.get(0)).append('\n');
    }
    return b.toString();
  }

  @Test
  void eachVectorColumnIsSearchedThroughItsOwnIndex() throws SQLException {
    update(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VECTOR(8), body VECTOR(24), "
        + "image VECTOR(5))");
    Random r = new Random(3);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        ps.setLong(1, i);
        ps.setObject(2, random(r, 8));
        ps.setObject(3, random(r, 24));
        ps.setObject(4, i % 7 == 0 ? null : random(r, 5));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    update(c, "CREATE INDEX docs_title ON docs USING HNSW (title) WITH (metric = 'l2')");
    update(c, "CREATE INDEX docs_body ON docs USING HNSW (body) WITH (metric = 'cosine')");
    update(c, "CREATE INDEX docs_image ON docs USING DISKANN (image) WITH (metric = 'l2')");
    String[][] searches = {
        {"title", "<->", "DOCS_TITLE (HNSW)", "8"},
        {"body", "<=>", "DOCS_BODY (HNSW)", "24"},
        {"image", "<->", "DOCS_IMAGE (DISKANN)", "5"}};
    for (String[] s : searches) {
      float[] q = random(r, Integer.parseInt(s[3]));
      String sql = "SELECT id FROM docs ORDER BY " + s[0] + " " + s[1] + " ? LIMIT 10";
      String plan = plan(sql, q);
      assertTrue(plan.contains("column=[" + s[0].toUpperCase() + "]")
          && plan.contains("index=[" + s[2] + "]"), plan);
      // Wide beam against the exact scan of the same column: the indexes must agree with it.
      List<Long> viaIndex = ids("SELECT /*+ ANN(ef_search=400) */ id FROM docs ORDER BY "
          + s[0] + " " + s[1] + " ? LIMIT 10", q);
      List<Long> exact = ids("SELECT /*+ EXACT */ id FROM docs ORDER BY " + s[0] + " " + s[1]
          + " ? LIMIT 10", q);
      assertEquals(10, exact.size());
      long common = viaIndex.stream().filter(exact::contains).count();
      assertTrue(common >= 9, s[0] + ": index " + viaIndex + " vs exact " + exact);
    }
    fails("22000", () -> ids("SELECT id FROM docs ORDER BY body <=> ? LIMIT 3",
        random(r, 8)));
  }

  @Test
  void tenVectorColumnsAreAllowedAndElevenAreNot() throws SQLException {
    StringBuilder ten = new StringBuilder("CREATE TABLE ten (id BIGINT PRIMARY KEY");
    for (int i = 1; i <= 10; i++) {
      ten.append(", v").append(i).append(" VECTOR(").append(i + 1).append(')');
    }
    update(c, ten + ")");
    update(c, "INSERT INTO ten (id, v10) VALUES (1, '[1,2,3,4,5,6,7,8,9,10,11]')");
    assertEquals(1L, ((Number) rows(c, "SELECT id FROM ten ORDER BY v10 <-> ? LIMIT 1",
        new float[11]).get(0).get(0)).longValue());
    SQLException e = fails("54011", () -> update(c, ten.toString().replace("CREATE TABLE ten",
        "CREATE TABLE eleven") + ", v11 VECTOR(3))"));
    assertTrue(e.getMessage().contains("11 VECTOR columns"), e.getMessage());
    assertEquals(List.of(List.of(0L)), rows(c,
        "SELECT COUNT(*) FROM sys.segments WHERE table_name = 'ELEVEN'"));
  }
}
