package dev.azimuth.index.jvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.BuildControl;
import dev.azimuth.index.graph.GraphKind;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.graph.VectorGraph;
import dev.azimuth.index.graph.VectorGraphs;
import dev.azimuth.index.io.AtomicFiles;
import dev.azimuth.index.search.ExactSearch;
import dev.azimuth.index.search.Neighbors;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectedCodesTest {
  static final int DIMENSION = 128;
  static final int COUNT = 3000;
  static final ForkJoinPool POOL = ForkJoinPool.commonPool();

  @TempDir Path dir;

  /** 16 strong directions (σ 3) and 112 weak ones (σ 0.2): real embeddings in miniature. */
  static float[] lowRank(long seed, int count) {
    Random random = new Random(seed);
    float[] data = new float[count * DIMENSION];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (random.nextGaussian() * (i % DIMENSION < 16 ? 3 : 0.2) + 1);
    }
    return data;
  }

  /** 20 tight clusters far apart: all the variance lies between clusters. */
  static float[] farClusters(long seed) {
    Random random = new Random(seed);
    float[][] centres = new float[20][DIMENSION];
    for (float[] c : centres) {
      for (int j = 0; j < DIMENSION; j++) {
        c[j] = (float) (random.nextGaussian() * 10);
      }
    }
    float[] data = new float[COUNT * DIMENSION];
    for (int n = 0; n < COUNT; n++) {
      float[] c = centres[n % centres.length];
      for (int j = 0; j < DIMENSION; j++) {
        data[n * DIMENSION + j] = c[j] + (float) (random.nextGaussian() * 0.3);
      }
    }
    return data;
  }

  static ProjectedCodes.Projection project(float[] data, Metric metric) {
    int[] nodes = IntStream.range(0, COUNT).toArray();
    return ProjectedCodes.project(
        ArraySimilarity.create(data, DIMENSION, COUNT, nodes, metric, null), COUNT, nodes, null);
  }

  @Test
  void projectsDataWhoseVarianceLiesInFewDirections() {
    ProjectedCodes.Projection projection = project(lowRank(1, COUNT), Metric.L2);
    assertNotNull(projection);
    assertEquals(16, projection.rank());
    assertNotNull(project(lowRank(1, COUNT), Metric.COSINE));
  }

  @Test
  void declinesWhereProjectingWouldNotPayOrWouldMislead() {
    Random random = new Random(2);
    float[] isotropic = new float[COUNT * DIMENSION];
    for (int i = 0; i < isotropic.length; i++) {
      isotropic[i] = (float) random.nextGaussian();
    }
    assertNull(project(isotropic, Metric.L2), "every direction matters");
    assertNull(project(farClusters(3), Metric.L2), "neighbours differ in dropped directions");
    assertNull(project(lowRank(1, COUNT), Metric.NEGATIVE_DOT), "no Euclidean form");
    int[] few = IntStream.range(0, 500).toArray();
    assertNull(ProjectedCodes.project(ArraySimilarity.create(lowRank(1, COUNT), DIMENSION,
        COUNT, few, Metric.L2, null), COUNT, few, null), "too few nodes to pay");
  }

  private VectorGraphs.Built build(float[] data, Metric metric, Path file) throws IOException {
    return VectorGraphs.build(data, DIMENSION, COUNT, null,
        new GraphOptions(GraphKind.HNSW, metric, 16, 100, 0), file, BuildControl.NONE, POOL);
  }

  private static double recall(VectorGraph graph, float[] data, Metric metric, int ef) {
    float[] queries = lowRank(9, 50);
    int hits = 0;
    for (int q = 0; q < 50; q++) {
      float[] query = java.util.Arrays.copyOfRange(queries, q * DIMENSION, (q + 1) * DIMENSION);
      Neighbors exact = ExactSearch.search(data, DIMENSION, COUNT, query, metric, 10, null);
      Neighbors found = graph.search(query, 10, ef, null);
      Set<Long> want = new HashSet<>();
      for (int i = 0; i < exact.size(); i++) {
        want.add(exact.id(i));
      }
      for (int i = 0; i < found.size(); i++) {
        hits += want.contains(found.id(i)) ? 1 : 0;
      }
    }
    return hits / 500.0;
  }

  @Test
  void graphsBuildAndWalkOnProjectionsAndFindTheNearest() throws IOException {
    for (Metric metric : new Metric[] {Metric.L2, Metric.COSINE}) {
      float[] data = lowRank(1, COUNT);
      try (VectorGraph graph = build(data, metric, dir.resolve(metric + ".graph")).graph()) {
        assertTrue(((HnswGraph) graph).walksOnProjections(), metric.toString());
        // A walk reads one byte per component where an exact distance reads four per dimension.
        int rank = ((HnswGraph) graph).walkRank();
        assertTrue(rank < DIMENSION, "rank " + rank);
        assertEquals(rank / (4.0 * DIMENSION), graph.walkScoreCost(), 1e-12);
        double recall = recall(graph, data, metric, 80);
        assertTrue(recall >= 0.9, metric + " recall@10 " + recall);
      }
    }
  }

  @Test
  void projectionsAreStoredAndReopenedWithoutRefitting() throws IOException {
    float[] data = lowRank(1, COUNT);
    Path file = dir.resolve("stored.graph");
    VectorGraphs.Built built = build(data, Metric.L2, file);
    float[] query = java.util.Arrays.copyOfRange(lowRank(9, 1), 0, DIMENSION);
    Neighbors before = built.graph().search(query, 10, 40, null);
    built.graph().close();
    try (VectorGraph reopened = VectorGraphs.open(file, built.checksum(), data, DIMENSION,
        COUNT, built.graph().options())) {
      assertTrue(((HnswGraph) reopened).walksOnProjections());
      Neighbors after = reopened.search(query, 10, 40, null);
      assertEquals(before.size(), after.size());
      for (int i = 0; i < before.size(); i++) {
        assertEquals(before.id(i), after.id(i));
      }
    }
  }

  @Test
  void versionOneFilesStillOpenAndWalkOnTheVectorsCodes() throws IOException {
    float[] data = lowRank(1, COUNT);
    Path file = dir.resolve("new.graph");
    VectorGraphs.Built built = build(data, Metric.L2, file);
    built.graph().close();
    GraphFileHeader header;
    CsrGraph graph;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(GraphFileHeader.BYTES);
      channel.read(bytes);
      header = GraphFileHeader.read(bytes.flip(), file);
      graph = CsrGraphFile.read(new BulkInput(channel, file), header, file);
    }
    Path old = dir.resolve("old.graph");
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(Files.newOutputStream(old)))) {
      new GraphFileHeader(header.options(), DIMENSION, COUNT, header.nodeCount(), 1).write(out);
      CsrGraphFile.write(out, graph);
    }
    try (VectorGraph reopened = VectorGraphs.open(old, AtomicFiles.crc32c(old), data,
        DIMENSION, COUNT, header.options())) {
      assertFalse(((HnswGraph) reopened).walksOnProjections());
      assertEquals(((HnswGraph) reopened).walksOnCodes() ? 0.25 : 1.0,
          reopened.walkScoreCost(), 1e-12);
      assertTrue(recall(reopened, data, Metric.L2, 80) >= 0.9);
    }
  }
}
