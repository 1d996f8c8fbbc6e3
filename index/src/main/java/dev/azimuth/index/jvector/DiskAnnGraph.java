package dev.azimuth.index.jvector;

import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.kernel.VectorKernels;
import dev.azimuth.index.search.Neighbors;
import dev.azimuth.index.search.TopK;
import io.github.jbellis.jvector.disk.ReaderSupplier;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.disk.OnDiskGraphIndex;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.quantization.PQVectors;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntPredicate;

/**
 * A DiskANN graph: edges and full vectors in a memory-mapped file, PQ codes in memory. A
 * search walks the graph by PQ (asymmetric distance) scores, which touch only the codes and
 * the edge lists, then reads the full vectors of the best {@code beam} candidates from the
 * file and reranks them by exact {@link Metric} distance. It never needs the caller's array.
 *
 * <p>Graph node ids are dense ({@link DenseOrdinals}); {@code ordinals} maps them back.
 * Thread-safe: each search borrows a searcher with its own file reader and scratch vector.
 */
final class DiskAnnGraph extends JVectorGraph {
  private static final VectorTypeSupport VECTORS =
      VectorizationProvider.getInstance().getVectorTypeSupport();

  private final OnDiskGraphIndex index;
  private final ReaderSupplier file;
  private final PQVectors codes;
  /** Dense node id to caller ordinal; null when they are equal. */
  private final int[] ordinals;
  private final VectorSimilarityFunction similarity;
  private final VectorKernels kernels = Kernels.get();
  private final SearcherPool<Searcher> searchers;

  /** Takes ownership of {@code file}, which {@link #close()} releases. */
  DiskAnnGraph(GraphOptions options, int dimension, OnDiskGraphIndex index, ReaderSupplier file,
      PQVectors codes, int[] ordinals) {
    super(options, dimension, index.size(0));
    this.index = index;
    this.file = file;
    this.codes = codes;
    this.ordinals = ordinals;
    this.similarity = similarityOf(options.metric());
    this.searchers = new SearcherPool<>(() -> new Searcher(new GraphSearcher(index), dimension));
  }

  /** The JVector similarity whose PQ scores rank like the metric. */
  static VectorSimilarityFunction similarityOf(Metric metric) {
    return switch (metric) {
      case L2 -> VectorSimilarityFunction.EUCLIDEAN;
      case COSINE -> VectorSimilarityFunction.COSINE;
      case NEGATIVE_DOT -> VectorSimilarityFunction.DOT_PRODUCT;
      case L1 -> throw new IllegalArgumentException("graph indexes do not support L1");
    };
  }

  @Override
  Neighbors walk(float[] query, int k, int beam, IntPredicate accept) {
    // Wraps the query array; the PQ score function copies what it keeps.
    VectorFloat<?> queryVector = VECTORS.createFloatVector(query);
    var approximate = new DefaultSearchScoreProvider(
        codes.precomputedScoreFunctionFor(queryVector, similarity));
    Metric metric = options().metric();
    int dimension = dimension();
    Searcher searcher = searchers.borrow();
    try {
      SearchResult result = searcher.graph.search(approximate, beam, beam, NO_THRESHOLD, 0f,
          acceptedNodes(accept, ordinals));
      TopK top = new TopK(k);
      for (SearchResult.NodeScore candidate : result.getNodes()) {
        searcher.view().getVectorInto(candidate.node, searcher.vector, 0);
        top.offer(metric.distance(kernels, query, 0, searcher.scratch, 0, dimension),
            ordinals == null ? candidate.node : ordinals[candidate.node]);
      }
      return top.neighbors();
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  int ordinalAt(int i) {
    return ordinals == null ? i : ordinals[i];
  }

  @Override
  public long residentBytes() {
    long map = ordinals == null ? 0 : 16L + 4L * ordinals.length;
    return codes.ramBytesUsed() + index.ramBytesUsed() + map;
  }

  @Override
  void release() {
    try (ReaderSupplier mapped = file) {
      searchers.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not unmap a DiskANN graph file", e);
    }
  }

  /** One search's state: a JVector searcher (with its own file reader) and a vector buffer. */
  private static final class Searcher implements Closeable {
    final GraphSearcher graph;
    final float[] scratch;
    final VectorFloat<?> vector;

    Searcher(GraphSearcher graph, int dimension) {
      this.graph = graph;
      this.scratch = new float[dimension];
      // The same array: JVector fills the VectorFloat, our kernels read the float[].
      this.vector = VECTORS.createFloatVector(scratch);
    }

    OnDiskGraphIndex.View view() {
      return (OnDiskGraphIndex.View) graph.getView();
    }

    @Override
    public void close() throws IOException {
      graph.close();
    }
  }
}
