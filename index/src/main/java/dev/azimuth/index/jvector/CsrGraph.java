package dev.azimuth.index.jvector;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.util.Bits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A finished hierarchical graph in compressed-sparse-row arrays, searchable by JVector's
 * {@code GraphSearcher}.
 *
 * <p>JVector's own in-memory graph keeps a scored, lock-protected neighbour set per node, built
 * for concurrent inserts; a finished graph needs only its edges. Packed into one int array per
 * layer it takes about a third of the memory, loads from a file in bulk reads, and reads its
 * edges without indirection. Node ids are the caller's ordinals. Immutable and thread-safe; its
 * single view is stateless and shared.
 */
final class CsrGraph implements ImmutableGraphIndex {
  /**
   * One layer: {@code nodes} ascending; node {@code nodes[p]} has the neighbours
   * {@code edges[offsets[p] .. offsets[p + 1])}, best first.
   *
   * @param degree the layer's maximum degree
   */
  record Layer(int degree, int[] nodes, int[] offsets, int[] edges) {
    long bytes() {
      return 16L * 4 + 4L * (nodes.length + offsets.length + edges.length);
    }
  }

  private final List<Layer> layers;
  /** Ordinal to position in layer 0, -1 when absent; null when layer 0 is 0..n-1. */
  private final int[] basePositions;
  private final NodeAtLevel entry;
  private final int dimension;
  private final View view = new CsrView();

  /**
   * @param layers layer 0 first; at least one
   * @param entry the top layer's entry node, null for an empty graph
   * @param dimension the vectors' dimension
   * @param count the caller's ordinal count, an upper bound of every node id
   */
  CsrGraph(List<Layer> layers, NodeAtLevel entry, int dimension, int count) {
    this.layers = List.copyOf(layers);
    this.entry = entry;
    this.dimension = dimension;
    int[] base = layers.get(0).nodes();
    if (base.length == count) {
      // Ascending distinct ids below count: the ordinals themselves.
      this.basePositions = null;
    } else {
      int[] positions = new int[count];
      Arrays.fill(positions, -1);
      for (int p = 0; p < base.length; p++) {
        positions[base[p]] = p;
      }
      this.basePositions = positions;
    }
  }

  List<Layer> layers() {
    return layers;
  }

  NodeAtLevel entry() {
    return entry;
  }

  /** Where {@code node} sits in {@code layer}'s arrays, or -1 when it is not in that layer. */
  int position(int level, int node) {
    if (level >= layers.size() || node < 0) {
      return -1;
    }
    if (level == 0) {
      if (basePositions == null) {
        return node < layers.get(0).nodes().length ? node : -1;
      }
      return node < basePositions.length ? basePositions[node] : -1;
    }
    int p = Arrays.binarySearch(layers.get(level).nodes(), node);
    return p >= 0 ? p : -1;
  }

  @Override
  public NodesIterator getNodes(int level) {
    int[] nodes = layers.get(level).nodes();
    return new NodeSlice(nodes, 0, nodes.length);
  }

  @Override
  public View getView() {
    return view;
  }

  @Override
  public int maxDegree() {
    return layers.stream().mapToInt(Layer::degree).max().orElse(0);
  }

  @Override
  public List<Integer> maxDegrees() {
    return layers.stream().map(Layer::degree).toList();
  }

  @Override
  public int getDimension() {
    return dimension;
  }

  @Override
  public int getIdUpperBound() {
    int[] base = layers.get(0).nodes();
    return base.length == 0 ? 0 : base[base.length - 1] + 1;
  }

  @Override
  public boolean containsNode(int node) {
    return position(0, node) >= 0;
  }

  @Override
  public void close() {
    // Plain arrays: nothing to release.
  }

  @Override
  public boolean isHierarchical() {
    return layers.size() > 1;
  }

  @Override
  public int getMaxLevel() {
    return layers.size() - 1;
  }

  @Override
  public int getDegree(int level) {
    return layers.get(Math.min(level, layers.size() - 1)).degree();
  }

  @Override
  public double getAverageDegree(int level) {
    Layer layer = layers.get(level);
    return layer.nodes().length == 0 ? Double.NaN
        : layer.edges().length / (double) layer.nodes().length;
  }

  @Override
  public int size(int level) {
    return level < layers.size() ? layers.get(level).nodes().length : 0;
  }

  @Override
  public long ramBytesUsed() {
    long bytes = basePositions == null ? 0 : 16L + 4L * basePositions.length;
    for (Layer layer : layers) {
      bytes += layer.bytes();
    }
    return bytes;
  }

  /** The graph's only view; it has no state of its own, so every searcher shares it. */
  private final class CsrView implements View {
    @Override
    public NodesIterator getNeighborsIterator(int level, int node) {
      int p = position(level, node);
      if (p < 0) {
        return new NodeSlice(new int[0], 0, 0);
      }
      Layer layer = layers.get(level);
      return new NodeSlice(layer.edges(), layer.offsets()[p], layer.offsets()[p + 1]);
    }

    @Override
    public void processNeighbors(int level, int node, ScoreFunction scoreFunction,
        IntMarker visited, NeighborProcessor processor) {
      int p = position(level, node);
      if (p < 0) {
        return;
      }
      Layer layer = layers.get(level);
      int[] edges = layer.edges();
      if (scoreFunction instanceof NeighbourScorer batched) {
        batched.scoreNeighbours(edges, layer.offsets()[p], layer.offsets()[p + 1], visited,
            processor);
        return;
      }
      for (int i = layer.offsets()[p], end = layer.offsets()[p + 1]; i < end; i++) {
        int neighbour = edges[i];
        if (visited.mark(neighbour)) {
          processor.process(neighbour, scoreFunction.similarityTo(neighbour));
        }
      }
    }

    @Override
    @Deprecated
    public int size() {
      return layers.get(0).nodes().length;
    }

    @Override
    public NodeAtLevel entryNode() {
      return entry;
    }

    @Override
    public Bits liveNodes() {
      return Bits.ALL;
    }

    @Override
    public int getIdUpperBound() {
      return CsrGraph.this.getIdUpperBound();
    }

    @Override
    public boolean contains(int level, int node) {
      return position(level, node) >= 0;
    }

    @Override
    public void close() {
      // Shared and stateless: closing a searcher must not affect the others.
    }
  }
}
