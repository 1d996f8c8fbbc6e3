package dev.azimuth.index.jvector;

import dev.azimuth.index.graph.BuildControl;
import dev.azimuth.index.graph.CorruptGraphException;
import io.github.jbellis.jvector.disk.BufferedRandomAccessWriter;
import io.github.jbellis.jvector.disk.RandomAccessReader;
import io.github.jbellis.jvector.disk.ReaderSupplier;
import io.github.jbellis.jvector.disk.ReaderSupplierFactory;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.disk.OnDiskGraphIndex;
import io.github.jbellis.jvector.graph.disk.OnDiskGraphIndexWriter;
import io.github.jbellis.jvector.graph.disk.feature.Feature;
import io.github.jbellis.jvector.graph.disk.feature.FeatureId;
import io.github.jbellis.jvector.graph.disk.feature.InlineVectors;
import io.github.jbellis.jvector.quantization.PQVectors;
import io.github.jbellis.jvector.quantization.ProductQuantization;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The body of a DiskANN file, and opening it.
 *
 * <p>After the header: PQ subspace count, PQ cluster count, the graph's byte offset (long),
 * an id-map flag (0: graph ids are the ordinals; 1: the ascending ordinals follow, one int per
 * graph id), then JVector's serialized {@code PQVectors} (codebooks and codes) and last
 * JVector's on-disk graph, format version {@value #JVECTOR_FORMAT}, with the full vectors
 * inline. The graph must come last: JVector finds its footer at the end of the file. All
 * big-endian. Stateless and thread-safe.
 */
final class DiskAnnFile {
  /**
   * The JVector on-disk format we write, pinned so that upgrading JVector does not change our
   * files behind the format version in our header; JVector reads its older versions.
   */
  static final int JVECTOR_FORMAT = 6;

  private DiskAnnFile() {}

  /** Writes the body after {@code header} into {@code path}. */
  static void write(Path path, GraphFileHeader header, ImmutableGraphIndex graph, int[] nodes,
      ArrayVectorValues vectors, PQVectors codes, BuildControl control) throws IOException {
    BufferedRandomAccessWriter out = new BufferedRandomAccessWriter(path);
    try {
      header.write(out);
      ProductQuantization pq = codes.getCompressor();
      out.writeInt(pq.getSubspaceCount());
      out.writeInt(pq.getClusterCount());
      long offsetField = out.position();
      out.writeLong(0);
      boolean identity = nodes.length == header.count();
      out.writeInt(identity ? 0 : 1);
      if (!identity) {
        for (int node : nodes) {
          out.writeInt(node);
        }
      }
      codes.write(out, JVECTOR_FORMAT);
      long graphOffset = out.position();
      out.seek(offsetField);
      out.writeLong(graphOffset);
      out.seek(graphOffset);
      GraphConstruction.checkCancelled(control);
      OnDiskGraphIndexWriter writer = new OnDiskGraphIndexWriter.Builder(graph, out)
          .withStartOffset(graphOffset)
          .withVersion(JVECTOR_FORMAT)
          .with(new InlineVectors(header.dimension()))
          .withMapper(new DenseOrdinals(nodes, header.count()))
          .build();
      // The writer passes caller ordinals (graph ids before renumbering) to the supplier.
      writer.write(Feature.singleStateFactory(FeatureId.INLINE_VECTORS,
          ordinal -> new InlineVectors.State(vectors.ordinal(ordinal))));
    } finally {
      // Closing the JVector writer would close `out` too; closing `out` once is enough.
      out.close();
    }
  }

  /**
   * Maps a verified file and opens its graph.
   *
   * @throws CorruptGraphException when the body does not parse or disagrees with the header
   */
  static DiskAnnGraph open(Path path, GraphFileHeader header) throws IOException {
    ReaderSupplier file = ReaderSupplierFactory.open(path);
    try {
      int[] ordinals;
      PQVectors codes;
      long graphOffset;
      try (RandomAccessReader in = file.get()) {
        in.seek(GraphFileHeader.BYTES);
        int subspaces = in.readInt();
        int clusters = in.readInt();
        graphOffset = in.readLong();
        ordinals = readOrdinals(in, header, path);
        codes = PQVectors.load(in);
        ProductQuantization pq = codes.getCompressor();
        check(pq.getSubspaceCount() == subspaces && pq.getClusterCount() == clusters
                && pq.getOriginalDimension() == header.dimension()
                && codes.count() == header.nodeCount()
                && in.getPosition() == graphOffset,
            path, "its PQ codes do not match the header");
      }
      OnDiskGraphIndex index = OnDiskGraphIndex.load(file, graphOffset);
      check(index.size(0) == header.nodeCount() && index.getDimension() == header.dimension()
              && index.getIdUpperBound() == header.nodeCount()
              && index.getFeatureSet().contains(FeatureId.INLINE_VECTORS),
          path, "its graph does not match the header");
      return new DiskAnnGraph(header.options(), header.dimension(), index, file, codes,
          ordinals);
    } catch (CorruptGraphException e) {
      file.close();
      throw e;
    } catch (IOException | RuntimeException e) {
      file.close();
      throw new CorruptGraphException(path, "its DiskANN body does not parse", e);
    }
  }

  private static int[] readOrdinals(RandomAccessReader in, GraphFileHeader header, Path path)
      throws IOException {
    int flag = in.readInt();
    if (flag == 0) {
      check(header.nodeCount() == header.count(), path, "its id map is missing");
      return null;
    }
    check(flag == 1 && (long) header.nodeCount() * Integer.BYTES <= in.length(), path,
        "its id map is damaged");
    int[] ordinals = new int[header.nodeCount()];
    in.read(ordinals, 0, ordinals.length);
    for (int i = 0; i < ordinals.length; i++) {
      if (ordinals[i] < 0 || ordinals[i] >= header.count()
          || (i > 0 && ordinals[i] <= ordinals[i - 1])) {
        throw new CorruptGraphException(path, "its id map is out of range or order");
      }
    }
    return ordinals;
  }

  private static void check(boolean condition, Path path, String problem) {
    if (!condition) {
      throw new CorruptGraphException(path, problem);
    }
  }
}
