package dev.azimuth.index.jvector;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.BuildControl;
import dev.azimuth.index.graph.CorruptGraphException;
import dev.azimuth.index.graph.GraphKind;
import dev.azimuth.index.graph.GraphOptions;
import dev.azimuth.index.graph.VectorGraph;
import dev.azimuth.index.graph.VectorGraphs;
import dev.azimuth.index.io.AtomicFiles;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.quantization.KMeansPlusPlusClusterer;
import io.github.jbellis.jvector.quantization.PQVectors;
import io.github.jbellis.jvector.quantization.ProductQuantization;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The implementation behind {@link VectorGraphs}: builds, writes and opens both graph kinds.
 * Stateless and thread-safe.
 */
public final class JVectorGraphs {
  /** PQ clusters per subspace: one code byte's worth. */
  static final int PQ_CLUSTERS = 256;

  private JVectorGraphs() {}

  /** See {@link VectorGraphs#build}. */
  public static VectorGraphs.Built build(float[] data, int dimension, int count,
      IntPredicate include, GraphOptions options, Path file, BuildControl control,
      ForkJoinPool pool) throws IOException {
    JVectorRuntime.init();
    requireNonNull(data, "data");
    requireNonNull(options, "options");
    requireNonNull(file, "file");
    requireNonNull(control, "control");
    requireNonNull(pool, "pool");
    checkData(data, dimension, count);
    int pqSubspaces = options.kind() == GraphKind.DISKANN ? options.pqSubspacesFor(dimension) : 0;
    int[] nodes = IntStream.range(0, count).filter(i -> include == null || include.test(i))
        .toArray();
    GraphFileHeader header = new GraphFileHeader(options, dimension, count, nodes.length);
    GraphConstruction.checkCancelled(control);
    if (nodes.length == 0) {
      AtomicFiles.Written written = AtomicFiles.write(file,
          path -> writeStream(path, out -> header.write(out)));
      return new VectorGraphs.Built(new EmptyGraph(options, dimension), written.checksum(),
          written.bytes());
    }
    ArraySimilarity similarity =
        ArraySimilarity.create(data, dimension, count, nodes, options.metric(), pool);
    // HNSW builds and walks on principal components where they pay (ProjectedCodes).
    ProjectedCodes.Projection projection = options.kind() == GraphKind.HNSW
        ? ProjectedCodes.project(similarity, count, nodes, pool) : null;
    GraphConstruction.checkCancelled(control);
    ArraySimilarity buildSpace =
        projection == null ? similarity : projection.similarity(count, nodes);
    if (options.kind() == GraphKind.HNSW) {
      CsrGraph graph = HnswConstruction.build(buildSpace, nodes, count, dimension,
          options, control, pool);
      control.progress(nodes.length, nodes.length);
      return writeHnsw(graph, similarity, projection, data, nodes, pool, header, file, control);
    }
    GraphIndexBuilder builder = GraphConstruction.build(buildSpace, nodes, options, control, pool);
    try {
      return writeDiskAnn(builder, data, nodes, pqSubspaces, header, file, control, pool);
    } finally {
      GraphConstruction.close(builder);
    }
  }

  private static VectorGraphs.Built writeHnsw(CsrGraph graph,
      ArraySimilarity similarity, ProjectedCodes.Projection projection, float[] data,
      int[] nodes, ForkJoinPool pool, GraphFileHeader header, Path file, BuildControl control)
      throws IOException {
    ProjectedCodes walk = projection == null ? null : ProjectedCodes.encode(projection,
        header.options().metric(), header.count(), nodes, pool);
    AtomicFiles.Written written = AtomicFiles.write(file, path -> {
      GraphConstruction.checkCancelled(control);
      writeStream(path, out -> {
        header.write(out);
        CsrGraphFile.write(out, graph);
        ProjectedCodes.write(out, walk);
      });
    });
    Int8Codes codes = walk != null ? null : Int8Codes.forGraph(data, header.dimension(),
        header.count(), nodes, graph, pool);
    return new VectorGraphs.Built(new HnswGraph(header.options(), graph, similarity, codes,
        walk), written.checksum(), written.bytes());
  }

  private static VectorGraphs.Built writeDiskAnn(GraphIndexBuilder builder, float[] data,
      int[] nodes, int pqSubspaces, GraphFileHeader header, Path file, BuildControl control,
      ForkJoinPool pool) throws IOException {
    ArrayVectorValues vectors = new ArrayVectorValues(data, header.dimension(), nodes);
    GraphConstruction.checkCancelled(control);
    // Fewer training vectors than clusters cannot be clustered; tiny graphs get one per vector.
    ProductQuantization pq = ProductQuantization.compute(vectors, pqSubspaces,
        Math.min(PQ_CLUSTERS, nodes.length), header.options().metric() == Metric.L2,
        KMeansPlusPlusClusterer.UNWEIGHTED, pool, pool);
    GraphConstruction.checkCancelled(control);
    PQVectors codes = PQVectors.encodeAndBuild(pq, nodes.length, vectors, pool);
    AtomicFiles.Written written = AtomicFiles.write(file, path -> {
      GraphConstruction.checkCancelled(control);
      DiskAnnFile.write(path, header, builder.getGraph(), nodes, vectors, codes, control);
    });
    // Searched through the file just written, exactly as after a later open.
    return new VectorGraphs.Built(DiskAnnFile.open(file, header), written.checksum(),
        written.bytes());
  }

  /** See {@link VectorGraphs#open}. */
  public static VectorGraph open(Path file, long expectedChecksum, float[] data, int dimension,
      int count, GraphOptions options) throws IOException {
    JVectorRuntime.init();
    requireNonNull(file, "file");
    requireNonNull(options, "options");
    if (options.kind() == GraphKind.HNSW) {
      requireNonNull(data, "data");
      checkData(data, dimension, count);
    }
    GraphFiles.verify(file, expectedChecksum);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer bytes = ByteBuffer.allocate(GraphFileHeader.BYTES);
      while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
        // Reads until the header is full or the file ends.
      }
      GraphFileHeader header = GraphFileHeader.read(bytes.flip(), file);
      header.checkMatches(options, dimension, count, file);
      if (header.nodeCount() == 0) {
        if (channel.size() != GraphFileHeader.BYTES) {
          throw new CorruptGraphException(file, "an empty graph's file has a body");
        }
        return new EmptyGraph(options, dimension);
      }
      if (options.kind() == GraphKind.DISKANN) {
        return DiskAnnFile.open(file, header);
      }
      BulkInput in = new BulkInput(channel, file);
      CsrGraph graph = CsrGraphFile.read(in, header, file);
      int[] nodes = graph.layers().get(0).nodes();
      ProjectedCodes walk = header.version() >= 2
          ? ProjectedCodes.read(in, header, nodes, file) : null;
      in.expectEnd();
      ArraySimilarity similarity =
          ArraySimilarity.create(data, dimension, count, nodes, options.metric(), null);
      Int8Codes codes = walk != null ? null
          : Int8Codes.forGraph(data, dimension, count, nodes, graph, null);
      return new HnswGraph(options, graph, similarity, codes, walk);
    }
  }

  /** Writes a file through a buffered big-endian stream. */
  private static void writeStream(Path path, StreamContent content) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(path, StandardOpenOption.WRITE), 1 << 16))) {
      content.writeTo(out);
    }
  }

  /** Writes the content of a stream. */
  @FunctionalInterface
  private interface StreamContent {
    void writeTo(DataOutputStream out) throws IOException;
  }

  private static void checkData(float[] data, int dimension, int count) {
    if (dimension < 1) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "a graph index needs a dimension of at least 1, got " + dimension);
    }
    if (count < 0) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "a graph index needs a non-negative vector count, got " + count);
    }
    if ((long) count * dimension > data.length) {
      throw new AzimuthException(ErrorCode.INTERNAL_ERROR,
          "a graph index over " + count + " vectors of dimension " + dimension + " needs "
              + (long) count * dimension + " floats, but the data array holds " + data.length);
    }
  }
}
