package dev.azimuth.index.jvector;

import dev.azimuth.index.graph.BuildControl;
import dev.azimuth.index.graph.GraphOptions;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Runs JVector's graph builder over the caller's array with our exact scores, reporting
 * progress and stopping when asked. Stateless and thread-safe.
 *
 * <p>We insert the nodes ourselves instead of calling the builder's {@code build}, which
 * offers no way to report progress or stop. The settings are those of the options plus fixed
 * ones: degree {@code 2m} on layer 0 and {@code m} above (so the builder adds the HNSW
 * hierarchy), beam {@code ef_construction}, neighbour overflow 1.2 and alpha 1.2 (JVector's
 * defaults for Vamana-style pruning). The final refinement pass comes from JVector's
 * process-wide builder config, on by default; {@link JVectorRuntime} keeps that config off
 * JMX so nobody changes it underneath us.
 */
final class GraphConstruction {
  /** How many insertions pass between progress reports and cancellation checks. */
  static final int REPORT_INTERVAL = 256;
  static final float NEIGHBOR_OVERFLOW = 1.2f;
  static final float ALPHA = 1.2f;

  private GraphConstruction() {}

  /**
   * Builds a graph over {@code nodes} and returns its builder, whose {@code getGraph()} is the
   * finished graph; the caller closes it.
   *
   * @throws CancellationException when {@code control} asked to stop
   */
  static GraphIndexBuilder build(ArraySimilarity similarity, int[] nodes, GraphOptions options,
      BuildControl control, ForkJoinPool pool) {
    GraphIndexBuilder builder = GraphIndexBuilder
        .builder(new ArrayBuildScoreProvider(similarity, nodes), similarity.dimension(),
            List.of(2 * options.m(), options.m()))
        .withBeamWidth(options.efConstruction())
        .withNeighborOverflow(NEIGHBOR_OVERFLOW)
        .withAlpha(ALPHA)
        .withSimdExecutor(pool)
        .withParallelExecutor(pool)
        .build();
    boolean done = false;
    try {
      insertAll(builder, similarity, nodes, control, pool);
      builder.cleanup();
      checkCancelled(control);
      control.progress(nodes.length, nodes.length);
      done = true;
      return builder;
    } finally {
      if (!done) {
        close(builder);
      }
    }
  }

  private static void insertAll(GraphIndexBuilder builder, ArraySimilarity similarity,
      int[] nodes, BuildControl control, ForkJoinPool pool) {
    AtomicLong inserted = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean(control.cancelled());
    long total = nodes.length;
    pool.submit(() -> IntStream.range(0, nodes.length).parallel().forEach(i -> {
      if (stop.get()) {
        return;
      }
      builder.addGraphNode(nodes[i], ExactScorer.forNode(similarity, nodes[i]));
      long done = inserted.incrementAndGet();
      if (done % REPORT_INTERVAL == 0) {
        control.progress(done, total);
        if (control.cancelled()) {
          stop.set(true);
        }
      }
    })).join();
    if (stop.get()) {
      throw new CancellationException("graph index build cancelled");
    }
    checkCancelled(control);
  }

  static void checkCancelled(BuildControl control) {
    if (control.cancelled()) {
      throw new CancellationException("graph index build cancelled");
    }
  }

  static void close(GraphIndexBuilder builder) {
    try {
      builder.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close JVector's graph builder", e);
    }
  }
}
