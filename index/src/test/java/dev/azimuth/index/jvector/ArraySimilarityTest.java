package dev.azimuth.index.jvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.index.Metric;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArraySimilarityTest {
  static {
    JVectorRuntime.init();
  }

  private static final VectorTypeSupport VECTORS =
      VectorizationProvider.getInstance().getVectorTypeSupport();
  private static final int DIMENSION = 24;
  private static final int COUNT = 50;

  private static float[] data() {
    Random random = new Random(5);
    float[] data = new float[COUNT * DIMENSION];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    // A zero vector, whose cosine is undefined.
    Arrays.fill(data, 7 * DIMENSION, 8 * DIMENSION, 0f);
    return data;
  }

  private static ArraySimilarity similarity(float[] data, Metric metric) {
    return ArraySimilarity.create(data, DIMENSION, COUNT, IntStream.range(0, COUNT).toArray(),
        metric, null);
  }

  private static float[] vector(float[] data, int i) {
    return Arrays.copyOfRange(data, i * DIMENSION, (i + 1) * DIMENSION);
  }

  @Test
  void l2AndCosineAreJVectorsOwnSimilarities() {
    float[] data = data();
    ArraySimilarity l2 = similarity(data, Metric.L2);
    ArraySimilarity cosine = similarity(data, Metric.COSINE);
    for (int a = 0; a < COUNT; a += 3) {
      for (int b = 0; b < COUNT; b++) {
        if (a == 7 || b == 7) {
          continue;
        }
        var va = VECTORS.createFloatVector(vector(data, a));
        var vb = VECTORS.createFloatVector(vector(data, b));
        assertEquals(VectorSimilarityFunction.EUCLIDEAN.compare(va, vb),
            l2.similarity(data, a * DIMENSION, l2.squaredNorm(a), b), 1e-5f);
        assertEquals(VectorSimilarityFunction.COSINE.compare(va, vb),
            cosine.similarity(data, a * DIMENSION, cosine.squaredNorm(a), b), 1e-5f);
      }
    }
  }

  @Test
  void aZeroVectorScoresWorstUnderCosine() {
    float[] data = data();
    ArraySimilarity cosine = similarity(data, Metric.COSINE);
    assertEquals(0f, cosine.similarity(data, 0, cosine.squaredNorm(0), 7));
    assertEquals(0f, cosine.similarity(data, 7 * DIMENSION, 0f, 3));
  }

  @Test
  void dotScoresArePositiveAndRankLikeTheDotProduct() {
    float previous = 0f;
    for (float dot = -1000f; dot <= 1000f; dot += 0.25f) {
      float score = ArraySimilarity.dotScore(dot);
      assertTrue(score > 0f, "score of " + dot);
      assertTrue(score > previous, "not increasing at " + dot);
      previous = score;
    }
    // JVector's own formula where it is positive.
    assertEquals(0.5f, ArraySimilarity.dotScore(0f));
    assertEquals((1f + 3f) / 2f, ArraySimilarity.dotScore(3f));
  }
}
