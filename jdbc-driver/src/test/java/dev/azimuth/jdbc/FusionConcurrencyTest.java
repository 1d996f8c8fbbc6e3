package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.rows;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fusion's inputs run concurrently over one statement's read views: over indexed, sealed
 * segments, with a filtered input, the results are those of running them one after the other,
 * also with several clients fusing at once.
 */
class FusionConcurrencyTest {
  private static final String URL = "jdbc:azimuth:mem:fusion-concurrency;seal_rows=1000";
  private static final int ROWS = 3_000;
  private static final int DIM = 16;
  private static final int QUERIES = 30;
  private static final String FUSED = "SELECT * FROM TABLE(RRF("
      + "CURSOR(SELECT id FROM items ORDER BY v <-> ? LIMIT 50), "
      + "CURSOR(SELECT id FROM items WHERE tag < 300 ORDER BY v <-> ? LIMIT 50), "
      + "CURSOR(SELECT id FROM items ORDER BY v <#> ? LIMIT 30)))";
  private static Connection c;
  private static final List<float[]> queries = new ArrayList<>();

  @BeforeAll
  static void load() throws SQLException {
    c = DriverManager.getConnection(URL);
    update(c, "CREATE TABLE items (id BIGINT PRIMARY KEY, tag INTEGER, v VECTOR(" + DIM + "))");
    List<float[]> vectors = Vectors.clustered(ROWS, DIM, 30, 11);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO items VALUES (?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        ps.setLong(1, i);
        ps.setInt(2, i % 1000);
        ps.setObject(3, vectors.get(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    update(c, "CREATE INDEX items_v ON items USING HNSW (v) WITH (metric = 'l2')");
    Random random = new Random(5);
    for (int q = 0; q < QUERIES; q++) {
      float[] v = vectors.get(random.nextInt(ROWS)).clone();
      v[0] += 0.5f;
      queries.add(v);
    }
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  private static List<List<Object>> run(PreparedStatement ps, float[] q) throws SQLException {
    for (int p = 1; p <= 3; p++) {
      ps.setObject(p, q);
    }
    try (ResultSet rs = ps.executeQuery()) {
      return Sql.read(rs);
    }
  }

  private static List<List<List<Object>>> runAll(Connection connection) throws SQLException {
    List<List<List<Object>>> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(FUSED)) {
      for (float[] q : queries) {
        out.add(run(ps, q));
      }
    }
    return out;
  }

  @Test
  void theInputsSearchTheIndexInsideTheFusion() throws SQLException {
    String plan = String.join("\n", rows(c, "EXPLAIN PLAN FOR " + FUSED, queries.get(0),
        queries.get(0), queries.get(0)).stream().map(r -> (String) r.get(0)).toList());
    int fusion = plan.indexOf("AzimuthFusion(method=[RRF], k=[60])");
    assertTrue(fusion >= 0, plan);
    String inputs = plan.substring(fusion);
    assertTrue(inputs.contains("distance=[L2_DISTANCE], query=[?0], k=[50], strategy=[index], "
        + "index=[ITEMS_V (HNSW)]"), plan);
    assertTrue(inputs.contains("columns=[[TAG]], rowId=[true]"), "filtered input: " + plan);
    assertTrue(inputs.contains("distance=[NEGATIVE_INNER_PRODUCT], query=[?2], k=[30], "
        + "strategy=[exact]"), "no inner-product index: " + plan);
  }

  @Test
  void theFusedKeysJoinBackByLookingThemUp() throws SQLException {
    String inputs = FUSED.substring(FUSED.indexOf("TABLE("));
    for (String join : List.of(inputs + " f JOIN items i ON i.id = f.id",
        "items i JOIN " + inputs + " f ON f.id = i.id")) {
      String sql = "SELECT i.id, i.tag, f.score FROM " + join + " ORDER BY f.score DESC, i.id "
          + "LIMIT 20";
      String plan = String.join("\n", rows(c, "EXPLAIN PLAN FOR " + sql, queries.get(0),
          queries.get(0), queries.get(0)).stream().map(r -> (String) r.get(0)).toList());
      assertTrue(plan.contains("AzimuthKeyLookup(table=[[PUBLIC, ITEMS]], columns=[[ID, TAG]], "
          + "key=[ID])"), "no scan of the whole table: " + plan);
      for (float[] q : queries.subList(0, 5)) {
        List<List<Object>> fused = rows(c, FUSED, q, q, q);
        List<List<Object>> joined = rows(c, sql, q, q, q);
        assertEquals(20, joined.size());
        for (int i = 0; i < joined.size(); i++) {
          long id = ((Number) fused.get(i).get(0)).longValue();
          assertEquals(List.of(id, (int) (id % 1000), fused.get(i).get(1)), joined.get(i));
        }
      }
    }
  }

  @Test
  void concurrentInputsGiveTheSequentialResults() throws SQLException {
    List<List<List<Object>>> sequential;
    List<List<List<Object>>> concurrent;
    try {
      update(c, "SET fusion_parallel = false");
      sequential = runAll(c);
      update(c, "SET fusion_parallel = true");
      concurrent = runAll(c);
    } finally {
      update(c, "SET fusion_parallel = auto");
    }
    assertEquals(sequential, concurrent);
    for (List<List<Object>> result : sequential) {
      assertTrue(result.size() >= 50, "each query fuses at least 50 keys: " + result.size());
    }
  }

  // Every client forces concurrent inputs (the default follows the machine's load).
  @Test
  void manyClientsFusingAtOnceGetTheSameResults() throws Exception {
    List<List<List<Object>>> expected = runAll(c);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<List<List<Object>>>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(clients.submit(() -> {
          try (Connection own = DriverManager.getConnection(URL)) {
            update(own, "SET fusion_parallel = true");
            runAll(own);
            return runAll(own);
          }
        }));
      }
      for (Future<List<List<List<Object>>>> f : futures) {
        assertEquals(expected, f.get(5, TimeUnit.MINUTES));
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
