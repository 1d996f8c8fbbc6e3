package dev.azimuth.index.jvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.BuildControl;
import dev.azimuth.index.graph.GraphKind;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.search.ExactSearch;
import dev.azimuth.index.search.Neighbors;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class HnswConstructionTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(2);
  private static final int COUNT = 3_000;
  private static final int DIMENSION = 24;
  private static final int M = 8;

  @AfterAll
  static void shutDown() {
    POOL.shutdown();
  }

  /** Gaussian clusters, so that near neighbours are meaningful. */
  private static float[] clustered(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] centres = new float[20][DIMENSION];
    for (float[] c : centres) {
      for (int d = 0; d < DIMENSION; d++) {
        c[d] = (float) (random.nextGaussian() * 4);
      }
    }
    float[] data = new float[count * DIMENSION];
    for (int i = 0; i < count; i++) {
      float[] c = centres[random.nextInt(centres.length)];
      for (int d = 0; d < DIMENSION; d++) {
        data[i * DIMENSION + d] = c[d] + (float) random.nextGaussian();
      }
    }
    return data;
  }

  private static CsrGraph build(float[] data, int[] nodes, Metric metric, BuildControl control) {
    ArraySimilarity similarity = ArraySimilarity.create(data, DIMENSION, COUNT, nodes, metric,
        POOL);
    return HnswConstruction.build(similarity, nodes, COUNT, DIMENSION,
        new GraphOptions(GraphKind.HNSW, metric, M, 64, 0), control, POOL);
  }

  @Test
  void layersAreNestedBoundedAndSortedBestFirst() {
    float[] data = clustered(1, COUNT);
    int[] nodes = IntStream.range(0, COUNT).filter(i -> i % 7 != 3).toArray();
    CsrGraph graph = build(data, nodes, Metric.L2, BuildControl.NONE);
    assertTrue(graph.getMaxLevel() >= 1, "a hierarchy over " + nodes.length + " nodes");
    assertEquals(graph.getMaxLevel(), graph.entry().level);
    Set<Integer> below = new HashSet<>();
    for (int node : nodes) {
      below.add(node);
    }
    for (int level = 0; level <= graph.getMaxLevel(); level++) {
      CsrGraph.Layer layer = graph.layers().get(level);
      int degree = level == 0 ? 2 * M : M;
      Set<Integer> here = new HashSet<>();
      for (int p = 0; p < layer.nodes().length; p++) {
        int node = layer.nodes()[p];
        assertTrue(below.contains(node), "node " + node + " on level " + level + " only");
        here.add(node);
        int from = layer.offsets()[p];
        int to = layer.offsets()[p + 1];
        assertTrue(to - from <= degree, "degree " + (to - from) + " > " + degree);
        assertTrue(to > from || layer.nodes().length == 1, "node " + node + " has no edges");
        Set<Integer> seen = new HashSet<>();
        double previous = -1;
        for (int e = from; e < to; e++) {
          int neighbour = layer.edges()[e];
          assertFalse(neighbour == node, "self loop at " + node);
          assertTrue(seen.add(neighbour), "duplicate edge " + node + " -> " + neighbour);
          assertTrue(here.contains(neighbour) || Arrays.binarySearch(layer.nodes(), neighbour) >= 0,
              "edge to a node off level " + level);
          double d = squaredDistance(data, node, neighbour);
          assertTrue(d >= previous - 1e-3, "edges of " + node + " not best first");
          previous = d;
        }
      }
      assertTrue(layer.nodes().length <= below.size());
      below = here;
    }
  }

  @Test
  void walksFindTheTrueNearestNeighbours() {
    for (Metric metric : new Metric[] {Metric.L2, Metric.COSINE, Metric.NEGATIVE_DOT}) {
      // The last 100 points of the same clusters are the queries; the graph holds the others.
      int total = COUNT + 100;
      float[] data = clustered(2, total);
      int[] nodes = IntStream.range(0, COUNT).toArray();
      ArraySimilarity similarity = ArraySimilarity.create(data, DIMENSION, total, nodes, metric,
          POOL);
      CsrGraph graph = HnswConstruction.build(similarity, nodes, total, DIMENSION,
          new GraphOptions(GraphKind.HNSW, metric, M, 64, 0), BuildControl.NONE, POOL);
      int hits = 0;
      try (CsrSearcher searcher = new CsrSearcher(graph)) {
        for (int q = COUNT; q < total; q++) {
          float[] query = Arrays.copyOfRange(data, q * DIMENSION, (q + 1) * DIMENSION);
          Neighbors truth = ExactSearch.search(data, DIMENSION, COUNT, query, metric, 10, null);
          ScoreHeap found = searcher.search(ExactScorer.forQuery(similarity, query), 40, null);
          Set<Integer> ids = new HashSet<>();
          for (int i = 0; i < found.size(); i++) {
            ids.add(found.node(i));
          }
          for (int i = 0; i < truth.size(); i++) {
            hits += ids.contains((int) truth.id(i)) ? 1 : 0;
          }
        }
      }
      double recall = hits / 1000.0;
      assertTrue(recall >= 0.95, metric + " recall@10 " + recall);
    }
  }

  @Test
  void everyNodeIsReachableFromTheEntryOnEveryLevelEvenWhenBuiltByManyThreads() {
    // Concurrent insertions can drop the only edge to a node; the build must link it again.
    int count = 20_000;
    SplittableRandom random = new SplittableRandom(5);
    int dimension = 16;
    float[] data = new float[count * dimension];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    int[] nodes = IntStream.range(0, count).toArray();
    ForkJoinPool wide = new ForkJoinPool(8);
    try {
      ArraySimilarity similarity = ArraySimilarity.create(data, dimension, count, nodes,
          Metric.L2, wide);
      CsrGraph graph = HnswConstruction.build(similarity, nodes, count, dimension,
          new GraphOptions(GraphKind.HNSW, Metric.L2, 16, 64, 0), BuildControl.NONE, wide);
      for (int level = 0; level <= graph.getMaxLevel(); level++) {
        CsrGraph.Layer layer = graph.layers().get(level);
        Set<Integer> reached = new HashSet<>();
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        queue.add(graph.entry().node);
        reached.add(graph.entry().node);
        while (!queue.isEmpty()) {
          int p = Arrays.binarySearch(layer.nodes(), queue.poll());
          for (int e = layer.offsets()[p]; e < layer.offsets()[p + 1]; e++) {
            if (reached.add(layer.edges()[e])) {
              queue.add(layer.edges()[e]);
            }
          }
        }
        assertEquals(layer.nodes().length, reached.size(), "reachable on level " + level);
      }
    } finally {
      wide.shutdown();
    }
  }

  @Test
  void aCancelledBuildStops() {
    float[] data = clustered(4, COUNT);
    int[] nodes = IntStream.range(0, COUNT).toArray();
    BuildControl cancelled = new BuildControl() {
      @Override public void progress(long done, long total) {}

      @Override public boolean cancelled() {
        return true;
      }
    };
    assertThrows(CancellationException.class,
        () -> build(data, nodes, Metric.L2, cancelled));
  }

  private static double squaredDistance(float[] data, int a, int b) {
    double sum = 0;
    for (int d = 0; d < DIMENSION; d++) {
      double x = data[a * DIMENSION + d] - data[b * DIMENSION + d];
      sum += x * x;
    }
    return sum;
  }
}
