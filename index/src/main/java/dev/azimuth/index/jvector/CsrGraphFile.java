package dev.azimuth.index.jvector;

import dev.azimuth.index.graph.CorruptGraphException;
import dev.azimuth.index.graph.GraphOptions;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex.NodeAtLevel;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of an HNSW file: the {@link CsrGraph}'s arrays as they are in memory, so that
 * opening is a few bulk reads with no rebuild and no rescoring.
 *
 * <p>After the header: layer count, entry node, entry level, then per layer its degree, node
 * count, edge count, the ascending node ids, the {@code nodes + 1} edge offsets and the edges
 * (big-endian ints). Vectors are not stored: the caller owns them. Reading checks every id and
 * offset, so that even a file whose checksum matched cannot make a search index out of bounds.
 * Stateless and thread-safe.
 */
final class CsrGraphFile {
  /** More layers than any real graph has (level ~ log_m n); guards a damaged count. */
  private static final int MAX_LAYERS = 64;

  private CsrGraphFile() {}

  static void write(DataOutput out, CsrGraph graph) throws IOException {
    List<CsrGraph.Layer> layers = graph.layers();
    NodeAtLevel entry = graph.entry();
    out.writeInt(layers.size());
    out.writeInt(entry == null ? -1 : entry.node);
    out.writeInt(entry == null ? -1 : entry.level);
    for (CsrGraph.Layer layer : layers) {
      out.writeInt(layer.degree());
      out.writeInt(layer.nodes().length);
      out.writeInt(layer.edges().length);
      writeInts(out, layer.nodes());
      writeInts(out, layer.offsets());
      writeInts(out, layer.edges());
    }
  }

  private static void writeInts(DataOutput out, int[] values) throws IOException {
    for (int value : values) {
      out.writeInt(value);
    }
  }

  /**
   * Reads the body that follows {@code header} on {@code channel}, checking it as it goes, and
   * fails unless the file ends there.
   */
  static CsrGraph read(FileChannel channel, GraphFileHeader header, Path file)
      throws IOException {
    BulkInput in = new BulkInput(channel, file);
    CsrGraph graph = read(in, header, file);
    in.expectEnd();
    return graph;
  }

  /** Reads the graph from {@code in}, checking it as it goes; more may follow it. */
  static CsrGraph read(BulkInput in, GraphFileHeader header, Path file) throws IOException {
    int layerCount = in.readInt();
    int entryNode = in.readInt();
    int entryLevel = in.readInt();
    check(layerCount >= 1 && layerCount <= MAX_LAYERS, file, "layer count " + layerCount);
    List<CsrGraph.Layer> layers = new ArrayList<>(layerCount);
    boolean[] base = new boolean[header.count()];
    for (int level = 0; level < layerCount; level++) {
      int maxNodes = level == 0 ? header.nodeCount() : layers.get(level - 1).nodes().length;
      CsrGraph.Layer layer = readLayer(in, level, maxNodes, header, file);
      int[] nodes = layer.nodes();
      for (int p = 0; p < nodes.length; p++) {
        // Explicit ifs, not check(): a message built per node would cost more than the read.
        if (nodes[p] < 0 || nodes[p] >= header.count() || (p > 0 && nodes[p] <= nodes[p - 1])) {
          throw damaged(file, "node ids of layer " + level + " are out of range or order");
        }
        if (level > 0 && Arrays.binarySearch(layers.get(level - 1).nodes(), nodes[p]) < 0) {
          throw damaged(file, "node " + nodes[p] + " of layer " + level
              + " is missing from the layer below");
        }
        if (level == 0) {
          base[nodes[p]] = true;
        }
      }
      for (int neighbour : layer.edges()) {
        boolean present = level == 0
            ? neighbour >= 0 && neighbour < base.length && base[neighbour]
            : Arrays.binarySearch(nodes, neighbour) >= 0;
        if (!present) {
          throw damaged(file, "an edge of layer " + level + " points to absent node "
              + neighbour);
        }
      }
      layers.add(layer);
    }
    NodeAtLevel entry = null;
    if (header.nodeCount() > 0) {
      check(entryLevel == layerCount - 1 && entryNode >= 0
              && Arrays.binarySearch(layers.get(entryLevel).nodes(), entryNode) >= 0,
          file, "entry node " + entryNode + " is not on the top layer");
      entry = new NodeAtLevel(entryLevel, entryNode);
    } else {
      check(layerCount == 1 && entryNode == -1, file, "an empty graph has an entry node");
    }
    return new CsrGraph(layers, entry, header.dimension(), header.count());
  }

  private static CsrGraph.Layer readLayer(BulkInput in, int level, int maxNodes,
      GraphFileHeader header, Path file) throws IOException {
    int degree = in.readInt();
    int size = in.readInt();
    int edgeCount = in.readInt();
    check(degree >= 1 && degree <= 2 * GraphOptions.MAX_M, file,
        "layer " + level + " has degree " + degree);
    check(level == 0 ? size == header.nodeCount() : size >= 1 && size <= maxNodes, file,
        "layer " + level + " has " + size + " nodes");
    check(edgeCount >= 0 && edgeCount <= (long) size * degree, file,
        "layer " + level + " has " + edgeCount + " edges");
    int[] nodes = in.readInts(size);
    int[] offsets = in.readInts(size + 1);
    check(offsets[0] == 0 && offsets[size] == edgeCount, file,
        "edge offsets of layer " + level + " do not span its edges");
    for (int p = 0; p < size; p++) {
      int length = offsets[p + 1] - offsets[p];
      if (length < 0 || length > degree) {
        throw damaged(file, "a node of layer " + level + " has " + length + " edges");
      }
    }
    int[] edges = in.readInts(edgeCount);
    return new CsrGraph.Layer(degree, nodes, offsets, edges);
  }

  private static void check(boolean condition, Path file, String problem) {
    if (!condition) {
      throw damaged(file, problem);
    }
  }

  private static CorruptGraphException damaged(Path file, String problem) {
    return new CorruptGraphException(file, "damaged HNSW body: " + problem);
  }
}
