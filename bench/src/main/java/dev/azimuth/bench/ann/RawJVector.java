package dev.azimuth.bench.ann;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The baseline: JVector 4.0.2 called directly, with the graph parameters Azimuth's HNSW uses
 * (degree 2m on layer 0 and m above, beam ef_construction, overflow 1.2, alpha 1.2, hierarchy,
 * refined final graph) and exact scoring during search. The only class that imports JVector.
 * Build is multi-threaded; a built instance searches on one thread at a time.
 */
final class RawJVector implements AutoCloseable {
  private final VectorSimilarityFunction similarity;
  private final RandomAccessVectorValues vectors;
  private final ImmutableGraphIndex graph;
  private final GraphSearcher searcher;
  private final VectorTypeSupport types;
  private final long buildNanos;

  private RawJVector(VectorSimilarityFunction similarity, RandomAccessVectorValues vectors,
      ImmutableGraphIndex graph, VectorTypeSupport types, long buildNanos) {
    this.similarity = similarity;
    this.vectors = vectors;
    this.graph = graph;
    this.searcher = new GraphSearcher(graph);
    this.types = types;
    this.buildNanos = buildNanos;
  }

  /** The name of JVector's SIMD provider in this JVM (Panama, native or the plain-Java one). */
  static String providerName() {
    return VectorizationProvider.getInstance().getClass().getSimpleName();
  }

  /**
   * Builds the graph over every base vector.
   *
   * @param m maximum degree above layer 0; layer 0 gets 2m
   * @param efConstruction the build beam width
   * @param threads size of each of JVector's two fork-join pools
   */
  // The constructor is deprecated in 4.0.2 in favour of GraphIndexBuilder.builder(), which
  // takes addHierarchy and refineFinalGraph from JVector's JMX config (both true by default);
  // the constructor states them here instead, so the baseline does not depend on that config.
  @SuppressWarnings("deprecation")
  static RawJVector build(Vectors base, Distance distance, int m, int efConstruction,
      int threads) {
    VectorTypeSupport types = VectorizationProvider.getInstance().getVectorTypeSupport();
    List<VectorFloat<?>> list = new ArrayList<>(base.count());
    for (int i = 0; i < base.count(); i++) {
      list.add(types.createFloatVector(base.vector(i)));
    }
    RandomAccessVectorValues ravv = new ListRandomAccessVectorValues(list, base.dimension());
    VectorSimilarityFunction vsf = switch (distance) {
      case L2 -> VectorSimilarityFunction.EUCLIDEAN;
      case COSINE -> VectorSimilarityFunction.COSINE;
    };
    BuildScoreProvider bsp = BuildScoreProvider.randomAccessScoreProvider(ravv, vsf);
    ForkJoinPool simd = new ForkJoinPool(threads);
    ForkJoinPool parallel = new ForkJoinPool(threads);
    try (GraphIndexBuilder builder = new GraphIndexBuilder(bsp, base.dimension(),
        List.of(2 * m, m), efConstruction, 1.2f, 1.2f, true, true, simd, parallel)) {
      long start = System.nanoTime();
      ImmutableGraphIndex graph = builder.build(ravv);
      long nanos = System.nanoTime() - start;
      return new RawJVector(vsf, ravv, graph, types, nanos);
    } catch (IOException e) {
      throw new UncheckedIOException("closing the JVector builder", e);
    } finally {
      simd.shutdown();
      parallel.shutdown();
    }
  }

  /** Wall time of {@code GraphIndexBuilder.build}, in nanoseconds. */
  long buildNanos() {
    return buildNanos;
  }

  /** JVector's own estimate of the graph's heap use, in bytes. */
  long graphBytes() {
    return graph.ramBytesUsed();
  }

  /** The graph's levels and mean degree on layer 0, for the report. */
  String shape() {
    return "levels " + (graph.getMaxLevel() + 1) + ", mean degree on layer 0 "
        + SearchPass.fmt(graph.getAverageDegree(0), 1);
  }

  /** Converts a query once, outside any timed loop. */
  VectorFloat<?> query(float[] q) {
    return types.createFloatVector(q);
  }

  /** The ids of the top k for a converted query, with {@code rerankK = max(ef, k)}. */
  int[] search(VectorFloat<?> query, int k, int ef) {
    SearchResult result = searcher.search(DefaultSearchScoreProvider.exact(query, similarity,
        vectors), k, Math.max(ef, k), 0f, 0f, Bits.ALL);
    SearchResult.NodeScore[] nodes = result.getNodes();
    int[] ids = new int[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      ids[i] = nodes[i].node;
    }
    return ids;
  }

  @Override
  public void close() throws IOException {
    searcher.close();
    graph.close();
  }
}
