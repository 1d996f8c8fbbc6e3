package dev.azimuth.index.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import dev.azimuth.index.search.ExactSearch;
import dev.azimuth.index.search.Neighbors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Search behaviour of both graph kinds on seeded clustered data. */
class VectorGraphsTest {
  static final int COUNT = 4000;
  static final int DIMENSION = 32;
  static final int CLUSTERS = 40;
  static final float[] DATA = ClusteredVectors.generate(7, COUNT, DIMENSION, CLUSTERS);
  static final float[][] QUERIES = ClusteredVectors.queries(8, 100, DIMENSION, CLUSTERS, 7);
  static final IntPredicate ODD = i -> i % 2 == 1;
  static final ForkJoinPool POOL = ForkJoinPool.commonPool();
  static final Metric[] METRICS = {Metric.L2, Metric.COSINE, Metric.NEGATIVE_DOT};

  @TempDir static Path dir;

  /** Graphs are the slow part, so each (kind, metric, sparse) is built once per class. */
  private static final Map<String, VectorGraphs.Built> BUILT = new ConcurrentHashMap<>();

  static Stream<Arguments> kindsAndMetrics() {
    return Stream.of(GraphKind.values()).flatMap(kind ->
        Stream.of(METRICS).map(metric -> Arguments.of(kind, metric)));
  }

  static VectorGraphs.Built built(GraphKind kind, Metric metric, boolean sparse) {
    return BUILT.computeIfAbsent(kind + "-" + metric + "-" + sparse, name -> {
      try {
        return VectorGraphs.build(DATA, DIMENSION, COUNT, sparse ? ODD : null,
            GraphOptions.of(kind, metric), dir.resolve(name + ".graph"), null, POOL);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static Path fileOf(GraphKind kind, Metric metric, boolean sparse) {
    built(kind, metric, sparse);
    return dir.resolve(kind + "-" + metric + "-" + sparse + ".graph");
  }

  @AfterAll
  static void closeAll() {
    BUILT.values().forEach(b -> b.graph().close());
    BUILT.clear();
  }

  @ParameterizedTest
  @EnumSource(names = {"L2", "COSINE", "NEGATIVE_DOT"})
  void hnswRecallAtTenIsAtLeast95Percent(Metric metric) {
    VectorGraph graph = built(GraphKind.HNSW, metric, false).graph();
    double recall = ClusteredVectors.recall(graph, DATA, DIMENSION, COUNT, QUERIES, metric, 10,
        64, null);
    assertTrue(recall >= 0.95, metric + " recall " + recall);
  }

  @ParameterizedTest
  @EnumSource(names = {"L2", "COSINE", "NEGATIVE_DOT"})
  void diskAnnRecallAtTenIsAtLeast90Percent(Metric metric) {
    VectorGraph graph = built(GraphKind.DISKANN, metric, false).graph();
    double recall = ClusteredVectors.recall(graph, DATA, DIMENSION, COUNT, QUERIES, metric, 10,
        64, null);
    assertTrue(recall >= 0.9, metric + " recall " + recall);
  }

  @ParameterizedTest
  @MethodSource("kindsAndMetrics")
  void distancesAreThoseOfTheMetricAndOrdered(GraphKind kind, Metric metric) {
    VectorGraph graph = built(kind, metric, false).graph();
    for (float[] query : QUERIES) {
      Neighbors result = graph.search(query, 10, 32, null);
      assertEquals(10, result.size());
      for (int i = 0; i < result.size(); i++) {
        int id = (int) result.id(i);
        float[] vector = new float[DIMENSION];
        System.arraycopy(DATA, id * DIMENSION, vector, 0, DIMENSION);
        float expected = metric.distance(query, vector);
        assertEquals(expected, result.distance(i), 1e-5f * Math.max(1f, Math.abs(expected)),
            kind + " " + metric + " distance of " + id);
        if (i > 0) {
          assertTrue(result.distance(i - 1) < result.distance(i)
              || result.distance(i - 1) == result.distance(i) && result.id(i - 1) < id);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void returnsOnlyAcceptedOrdinalsAndAsksOnlyAboutGraphNodes(GraphKind kind) {
    VectorGraphs.Built sparse = built(kind, Metric.L2, true);
    assertEquals(COUNT / 2, sparse.graph().size());
    IntPredicate everyThird = i -> i % 3 == 0;
    Set<Integer> asked = ConcurrentHashMap.newKeySet();
    IntPredicate accept = i -> {
      asked.add(i);
      return everyThird.test(i);
    };
    for (float[] query : QUERIES) {
      Neighbors result = sparse.graph().search(query, 10, 64, accept);
      assertEquals(10, result.size());
      for (long id : result.ids()) {
        assertTrue(id % 2 == 1 && id % 3 == 0, "ordinal " + id + " was excluded or rejected");
      }
    }
    assertFalse(asked.isEmpty());
    assertTrue(asked.stream().allMatch(ODD::test), "the filter saw an excluded ordinal");
    double recall = ClusteredVectors.recall(sparse.graph(), DATA, DIMENSION, COUNT, QUERIES,
        Metric.L2, 10, 64, ODD.and(everyThird));
    assertTrue(recall >= 0.9, kind + " filtered recall " + recall);
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void excludedOrdinalsAreNeverReturned(GraphKind kind) {
    VectorGraph graph = built(kind, Metric.COSINE, true).graph();
    for (float[] query : QUERIES) {
      for (long id : graph.search(query, 50, 100, null).ids()) {
        assertEquals(1, id % 2, "excluded ordinal " + id);
      }
    }
    double recall = ClusteredVectors.recall(graph, DATA, DIMENSION, COUNT, QUERIES,
        Metric.COSINE, 10, 64, ODD);
    assertTrue(recall >= 0.9, kind + " sparse recall " + recall);
  }

  @ParameterizedTest
  @MethodSource("kindsAndMetrics")
  void reopenedGraphGivesIdenticalResults(GraphKind kind, Metric metric) throws IOException {
    VectorGraphs.Built built = built(kind, metric, false);
    List<Neighbors> before = new ArrayList<>();
    for (float[] query : QUERIES) {
      before.add(built.graph().search(query, 10, 40, null));
    }
    // DiskANN must not need the caller's vectors once built.
    float[] data = kind == GraphKind.DISKANN ? null : DATA;
    try (VectorGraph reopened = VectorGraphs.open(fileOf(kind, metric, false),
        built.checksum(), data, DIMENSION, COUNT, GraphOptions.of(kind, metric))) {
      assertEquals(built.graph().size(), reopened.size());
      assertEquals(built.graph().options(), reopened.options());
      for (int q = 0; q < QUERIES.length; q++) {
        // Same neighbours in the same order; distances to the last float bits only, since the
        // SIMD kernels may round differently before and after the JIT compiles them.
        Neighbors expected = before.get(q);
        Neighbors got = reopened.search(QUERIES[q], 10, 40, null);
        assertArrayEquals(expected.ids(), got.ids(), "query " + q);
        for (int i = 0; i < got.size(); i++) {
          assertEquals(expected.distance(i), got.distance(i),
              1e-6f * Math.max(1f, Math.abs(expected.distance(i))), "query " + q);
        }
      }
    }
  }

  @Test
  void diskAnnKeepsFarLessInMemoryThanTheVectors() {
    long vectorBytes = 4L * DIMENSION * COUNT;
    long diskAnn = built(GraphKind.DISKANN, Metric.L2, false).graph().residentBytes();
    assertTrue(diskAnn > 0 && diskAnn < vectorBytes / 4,
        "DiskANN keeps " + diskAnn + " bytes for " + vectorBytes + " bytes of vectors");
    long hnsw = built(GraphKind.HNSW, Metric.L2, false).graph().residentBytes();
    assertTrue(hnsw > 4L * COUNT, "HNSW edges take at least an int per node: " + hnsw);
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void concurrentSearchesAgreeWithSequentialOnes(GraphKind kind) throws Exception {
    VectorGraph graph = built(kind, Metric.NEGATIVE_DOT, false).graph();
    Map<Integer, Neighbors> expected = new HashMap<>();
    for (int q = 0; q < QUERIES.length; q++) {
      expected.put(q, graph.search(QUERIES[q], 10, 48, null));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(threads.submit(() -> {
          for (int round = 0; round < 3; round++) {
            for (int q = 0; q < QUERIES.length; q++) {
              if (!same(expected.get(q), graph.search(QUERIES[q], 10, 48, null))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> future : futures) {
        assertTrue(future.get(), kind + ": a concurrent search differed");
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Same neighbours in the same order, distances to the last float bits: the SIMD kernels may
   * round differently before and after the JIT compiles them.
   */
  private static boolean same(Neighbors expected, Neighbors got) {
    if (!Arrays.equals(expected.ids(), got.ids())) {
      return false;
    }
    for (int i = 0; i < got.size(); i++) {
      float e = expected.distance(i);
      if (Math.abs(e - got.distance(i)) > 1e-6f * Math.max(1f, Math.abs(e))) {
        return false;
      }
    }
    return true;
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void zeroCosineQueryRanksTheFirstAcceptedOrdinalsAsNaN(GraphKind kind) {
    VectorGraph graph = built(kind, Metric.COSINE, true).graph();
    IntPredicate accept = i -> i > 100;
    Neighbors result = graph.search(new float[DIMENSION], 3, 10, accept);
    Neighbors exact = ExactSearch.search(DATA, DIMENSION, COUNT, new float[DIMENSION],
        Metric.COSINE, 3, ODD.and(accept));
    assertEquals(exact, result);
    assertEquals(List.of(101L, 103L, 105L), List.of(result.id(0), result.id(1), result.id(2)));
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void searchArgumentsAreChecked(GraphKind kind) {
    VectorGraph graph = built(kind, Metric.L2, false).graph();
    AzimuthException wrongDimension = assertThrows(AzimuthException.class,
        () -> graph.search(new float[DIMENSION + 1], 10, 10, null));
    assertEquals(ErrorCode.DATA_EXCEPTION, wrongDimension.code());
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(AzimuthException.class,
        () -> graph.search(QUERIES[0], -1, 10, null)).code());
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(AzimuthException.class,
        () -> graph.search(QUERIES[0], 10, 0, null)).code());
    assertEquals(Neighbors.EMPTY, graph.search(QUERIES[0], 0, 10, null));
    // efSearch below k widens to k.
    assertEquals(25, graph.search(QUERIES[0], 25, 1, null).size());
    assertEquals(0, graph.search(QUERIES[0], 10, 10, i -> false).size());
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void aClosedGraphRefusesToSearch(GraphKind kind) throws IOException {
    VectorGraphs.Built built = VectorGraphs.build(DATA, DIMENSION, 300, null,
        GraphOptions.of(kind, Metric.L2), dir.resolve("closed-" + kind), null, POOL);
    built.graph().search(QUERIES[0], 5, 10, null);
    built.graph().close();
    built.graph().close();
    AzimuthException e = assertThrows(AzimuthException.class,
        () -> built.graph().search(QUERIES[0], 5, 10, null));
    assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void tinyAndEmptyGraphsWork(GraphKind kind) throws IOException {
    Map<Integer, Neighbors> results = new HashMap<>();
    for (int count : new int[] {0, 1, 7}) {
      Path file = dir.resolve("tiny-" + kind + "-" + count);
      GraphOptions options = GraphOptions.of(kind, Metric.L2);
      VectorGraphs.Built built =
          VectorGraphs.build(DATA, DIMENSION, count, null, options, file, null, POOL);
      try (VectorGraph reopened = VectorGraphs.open(file, built.checksum(),
          kind == GraphKind.DISKANN ? null : DATA, DIMENSION, count, options)) {
        for (VectorGraph graph : List.of(built.graph(), reopened)) {
          assertEquals(count, graph.size());
          Neighbors exact = ExactSearch.search(DATA, DIMENSION, count, QUERIES[0], Metric.L2, 5,
              null);
          Neighbors found = graph.search(QUERIES[0], 5, 10, null);
          assertEquals(exact.size(), found.size());
          for (int i = 0; i < found.size(); i++) {
            assertEquals(exact.id(i), found.id(i));
          }
          results.put(count, found);
        }
      } finally {
        built.graph().close();
      }
    }
    assertNotEquals(results.get(1), results.get(7));
  }
}
