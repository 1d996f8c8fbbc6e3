package dev.azimuth.index.jvector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.CorruptGraphException;
import dev.azimuth.index.graph.GraphKind;
import dev.azimuth.index.graph.GraphOptions;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex.NodeAtLevel;
import io.github.jbellis.jvector.graph.NodesIterator;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsrGraphFileTest {
  static final int COUNT = 10;
  static final GraphFileHeader HEADER =
      new GraphFileHeader(GraphOptions.of(GraphKind.HNSW, Metric.L2), 4, COUNT, 4);

  @TempDir Path dir;

  /** Nodes 1, 3, 4, 8 of 10 ordinals; 3 and 8 also on layer 1; entry 8. */
  static CsrGraph sample(int[] baseEdges) {
    List<CsrGraph.Layer> layers = new ArrayList<>();
    layers.add(new CsrGraph.Layer(4, new int[] {1, 3, 4, 8}, new int[] {0, 2, 4, 5, 7},
        baseEdges));
    layers.add(new CsrGraph.Layer(2, new int[] {3, 8}, new int[] {0, 1, 2}, new int[] {8, 3}));
    return new CsrGraph(layers, new NodeAtLevel(1, 8), 4, COUNT);
  }

  static final int[] EDGES = {3, 4, 1, 8, 3, 3, 4};

  private Path write(CsrGraph graph) throws IOException {
    Path file = dir.resolve("g");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      HEADER.write(out);
      CsrGraphFile.write(out, graph);
    }
    return file;
  }

  private static CsrGraph read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(GraphFileHeader.BYTES);
      channel.read(header);
      assertEquals(HEADER, GraphFileHeader.read(header.flip(), file));
      return CsrGraphFile.read(channel, HEADER, file);
    }
  }

  @Test
  void aGraphReadsBackAsWritten() throws IOException {
    CsrGraph graph = read(write(sample(EDGES)));
    assertEquals(new NodeAtLevel(1, 8), graph.getView().entryNode());
    assertEquals(List.of(4, 2), graph.maxDegrees());
    assertEquals(4, graph.size(0));
    assertEquals(2, graph.size(1));
    assertTrue(graph.containsNode(4));
    assertFalse(graph.containsNode(2));
    assertFalse(graph.containsNode(COUNT + 5));
    assertArrayEquals(new int[] {1, 8}, neighbours(graph, 0, 3));
    assertArrayEquals(new int[] {3, 4}, neighbours(graph, 0, 8));
    assertArrayEquals(new int[] {3}, neighbours(graph, 1, 8));
    assertArrayEquals(new int[0], neighbours(graph, 1, 4));
    assertTrue(graph.getView().contains(1, 3));
    assertFalse(graph.getView().contains(1, 4));
  }

  @Test
  void anEdgeToAnAbsentNodeIsRefused() throws IOException {
    int[] bad = EDGES.clone();
    bad[2] = 2;
    Path file = write(sample(bad));
    CorruptGraphException e = assertThrows(CorruptGraphException.class, () -> read(file));
    assertTrue(e.getMessage().contains("absent node 2"), e.getMessage());
  }

  @Test
  void extraBytesAreRefused() throws IOException {
    Path file = write(sample(EDGES));
    Files.write(file, new byte[] {0, 0, 0, 0}, StandardOpenOption.APPEND);
    assertThrows(CorruptGraphException.class, () -> read(file));
  }

  private static int[] neighbours(CsrGraph graph, int level, int node) {
    NodesIterator it = graph.getView().getNeighborsIterator(level, node);
    int[] ids = new int[it.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = it.nextInt();
    }
    assertFalse(it.hasNext());
    return ids;
  }
}
