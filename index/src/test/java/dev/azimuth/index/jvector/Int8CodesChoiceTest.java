package dev.azimuth.index.jvector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.GraphKind;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.graph.VectorGraphs;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a graph walks on codes depends on how coarse the codes are next to its neighbours. */
class Int8CodesChoiceTest {
  private static final int DIMENSION = 16;
  private static final int COUNT = 2000;
  private static final GraphOptions OPTIONS =
      new GraphOptions(GraphKind.HNSW, Metric.L2, 8, 32, 0);

  @TempDir
  Path dir;

  private boolean walksOnCodes(float[] data, String name) throws Exception {
    Path file = dir.resolve(name);
    VectorGraphs.Built built = VectorGraphs.build(data, DIMENSION, COUNT, null, OPTIONS, file,
        null, ForkJoinPool.commonPool());
    boolean onCodes = ((HnswGraph) built.graph()).walksOnCodes();
    built.graph().close();
    try (var opened = VectorGraphs.open(file, built.checksum(), data, DIMENSION, COUNT,
        OPTIONS)) {
      assertTrue(onCodes == ((HnswGraph) opened).walksOnCodes(), "open decides as build did");
    }
    return onCodes;
  }

  @Test
  void spreadDataWalksOnCodes() throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    float[] data = new float[COUNT * DIMENSION];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextDouble();
    }
    assertTrue(walksOnCodes(data, "spread.graph"));
  }

  @Test
  void tightClustersFarApartWalkExactly() throws Exception {
    SplittableRandom random = new SplittableRandom(6);
    float[] data = new float[COUNT * DIMENSION];
    for (int n = 0; n < COUNT; n++) {
      float centre = (n % 4) * 1000f;
      for (int i = 0; i < DIMENSION; i++) {
        data[n * DIMENSION + i] = centre + (float) random.nextGaussian();
      }
    }
    assertFalse(walksOnCodes(data, "clusters.graph"));
  }
}
