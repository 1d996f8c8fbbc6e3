package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.fails;
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
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Background merging seen through SQL: small sealed segments merge in tiers (sys.segments),
 * merged segments are indexed (sys.indexes) and searched through their graphs with high
 * recall, and segments with many deleted rows are compacted away.
 */
class SegmentMergeTest {
  private static final int ROWS = 4_000;
  private static final int DIM = 32;
  private final List<float[]> vectors = Vectors.clustered(ROWS, DIM, 40, 42);
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:azimuth:mem:;seal_rows=200;merge_factor=4");
    update(c, "CREATE TABLE items (id BIGINT PRIMARY KEY, v VECTOR(" + DIM + "))");
    update(c, "CREATE INDEX items_v ON items USING HNSW (v) WITH (metric = 'l2')");
    // Statements of 100 rows: the growing segment seals at exactly 200.
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO items VALUES (?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        ps.setLong(1, i);
        ps.setObject(2, vectors.get(i));
        ps.addBatch();
        if (i % 100 == 99) {
          ps.executeBatch();
        }
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  /** Sealed segments' (total_rows, deleted_rows), largest first. */
  private List<List<Long>> sealed() throws SQLException {
    List<List<Long>> out = new ArrayList<>();
    for (List<Object> r : rows(c, "SELECT total_rows, deleted_rows FROM sys.segments "
        + "WHERE table_name = 'ITEMS' AND state = 'SEALED' ORDER BY total_rows DESC")) {
      out.add(List.of(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue()));
    }
    return out;
  }

  private boolean allIndexed() throws SQLException {
    return rows(c, "SELECT state FROM sys.indexes").stream()
        .allMatch(r -> "READY".equals(r.get(0)));
  }

  /** Polls the system tables until the background work reaches {@code done}. */
  private void await(Predicate<List<List<Long>>> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!(done.test(sealed()) && allIndexed()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(done.test(sealed()), sealed().toString());
    assertTrue(allIndexed(), rows(c, "SELECT * FROM sys.indexes").toString());
  }

  private double recall(IntPredicate live) throws SQLException {
    int hits = 0;
    int queries = 40;
    // The queries come from other cluster centres than the rows, so they fall between clusters,
    // where a graph walk needs a wider beam than the default: 0.95 at ef 40 was hit or miss,
    // and at ef 100 one run in several gave 0.94, depending on how the parallel build happened
    // to link the clusters (with JVector's builder and with ours alike: on such queries both
    // reach about 0.94-0.95 at a beam of 40 and 0.995 at 100 in the index module).
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT /*+ ANN(ef_search=200) */ id FROM items ORDER BY v <-> ? LIMIT 10")) {
      for (int q = 0; q < queries; q++) {
        float[] query = Vectors.clustered(1, DIM, 40, 1000 + q).get(0);
        ps.setObject(1, query);
        List<Long> truth = Vectors.nearest(vectors, query, 10, live);
        List<Long> got = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            got.add(rs.getLong(1));
          }
        }
        assertEquals(10, got.size());
        assertTrue(got.stream().allMatch(id -> live.test(id.intValue())), got.toString());
        hits += (int) got.stream().filter(truth::contains).count();
      }
    }
    return hits / (10.0 * queries);
  }

  private String explain() throws SQLException {
    return rows(c, "EXPLAIN PLAN FOR SELECT id FROM items ORDER BY v <-> ? LIMIT 10",
        vectors.get(0)).toString();
  }

  @Test
  void smallSegmentsMergeAndSearchesKeepUsingTheIndex() throws Exception {
    // Twenty seals of 200: fours merge into 800s, four 800s into 3,200. Nothing else is a
    // fixed point of the policy, whatever the timing of seals and merges.
    await(s -> s.equals(List.of(List.of(3_200L, 0L), List.of(800L, 0L))));
    long indexed = ((Number) rows(c, "SELECT SUM(indexed_vectors) FROM sys.indexes")
        .get(0).get(0)).longValue();
    assertEquals(ROWS, indexed);
    assertEquals(2, rows(c, "SELECT * FROM sys.indexes").size(), "one graph per segment");
    assertEquals((long) ROWS, ((Number) Sql.value(c, "SELECT COUNT(*) FROM items")).longValue());
    double recall = recall(i -> true);
    assertTrue(recall >= 0.95, "recall@10 " + recall);
    assertTrue(explain().contains("index=[ITEMS_V (HNSW)]"), explain());
  }

  @Test
  void segmentsWithManyDeletionsAreCompacted() throws Exception {
    await(s -> s.size() == 2);
    // Half of every segment's rows: each one crosses the 20% threshold and is rewritten.
    assertEquals(ROWS / 2, update(c, "DELETE FROM items WHERE MOD(id, 2) = 0"));
    await(s -> !s.isEmpty() && s.stream().allMatch(r -> r.get(1) == 0L)
        && s.stream().mapToLong(r -> r.get(0)).sum() == ROWS / 2);
    assertEquals((long) ROWS / 2,
        ((Number) Sql.value(c, "SELECT COUNT(*) FROM items")).longValue());
    double recall = recall(i -> i % 2 == 1);
    assertTrue(recall >= 0.95, "recall@10 " + recall);
    assertTrue(explain().contains("index=[ITEMS_V (HNSW)]"), explain());
    assertEquals(List.of(List.<Object>of(3L)), rows(c, "SELECT id FROM items WHERE id = 3"));
  }

  @Test
  void mergePropertiesAreChecked() {
    fails("22023", () -> DriverManager.getConnection("jdbc:azimuth:mem:;merge_factor=1"));
    fails("22023", () -> DriverManager.getConnection("jdbc:azimuth:mem:;max_segment_rows=x"));
    fails("22023", () -> DriverManager.getConnection(
        "jdbc:azimuth:mem:;compact_deleted_fraction=0"));
  }
}
