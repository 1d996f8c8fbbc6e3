package dev.azimuth.index.jvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.index.Metric;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex.NodeAtLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CsrSearcherTest {
  static final int N = 100;

  /**
   * Points 0..99 on a line (vector i is [i]), each linked on layer 0 to its neighbours at
   * distance 1 and 2; every tenth point is on layer 1, linked to the next and previous tenth;
   * the entry is point 90 on layer 1.
   */
  static CsrGraph line() {
    int[] nodes = IntStream.range(0, N).toArray();
    int[] offsets = new int[N + 1];
    List<Integer> edges = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      for (int d : new int[] {-2, -1, 1, 2}) {
        if (i + d >= 0 && i + d < N) {
          edges.add(i + d);
        }
      }
      offsets[i + 1] = edges.size();
    }
    int[] upper = IntStream.range(0, N / 10).map(i -> 10 * i).toArray();
    int[] upperOffsets = new int[upper.length + 1];
    List<Integer> upperEdges = new ArrayList<>();
    for (int p = 0; p < upper.length; p++) {
      if (p > 0) {
        upperEdges.add(upper[p - 1]);
      }
      if (p + 1 < upper.length) {
        upperEdges.add(upper[p + 1]);
      }
      upperOffsets[p + 1] = upperEdges.size();
    }
    return new CsrGraph(List.of(
        new CsrGraph.Layer(4, nodes, offsets, edges.stream().mapToInt(x -> x).toArray()),
        new CsrGraph.Layer(2, upper, upperOffsets,
            upperEdges.stream().mapToInt(x -> x).toArray())),
        new NodeAtLevel(1, 90), 1, N);
  }

  static ExactScorer scorer(float query) {
    float[] data = new float[N];
    for (int i = 0; i < N; i++) {
      data[i] = i;
    }
    ArraySimilarity similarity = ArraySimilarity.create(data, 1, N,
        IntStream.range(0, N).toArray(), Metric.L2, null);
    return ExactScorer.forQuery(similarity, new float[] {query});
  }

  static Set<Integer> nodes(ScoreHeap heap) {
    Set<Integer> out = new TreeSet<>();
    for (int i = 0; i < heap.size(); i++) {
      out.add(heap.node(i));
    }
    return out;
  }

  @Test
  void descendsThroughTheUpperLayerAndReturnsTheNearestBeam() {
    CsrSearcher searcher = new CsrSearcher(line());
    ScoreHeap beam = searcher.search(scorer(23.2f), 5, null);
    assertEquals(Set.of(21, 22, 23, 24, 25), nodes(beam));
  }

  @Test
  void filteredNodesAreWalkedThroughButNeverReturned() {
    CsrSearcher searcher = new CsrSearcher(line());
    // Only multiples of 7 qualify: the walk must cross the others to reach 49 and 56.
    ScoreHeap beam = searcher.search(scorer(52.4f), 2, node -> node % 7 == 0);
    assertEquals(Set.of(49, 56), nodes(beam));
  }

  @Test
  void searchesAfterOneAnotherDoNotShareVisitedMarks() {
    CsrSearcher searcher = new CsrSearcher(line());
    for (int round = 0; round < 3; round++) {
      assertEquals(Set.of(2, 3, 4), nodes(searcher.search(scorer(3f), 3, null)));
      assertEquals(Set.of(77, 78, 79), nodes(searcher.search(scorer(78f), 3, null)));
    }
  }

  @Test
  void aBeamWiderThanTheGraphReturnsEveryAcceptedNode() {
    CsrSearcher searcher = new CsrSearcher(line());
    ScoreHeap beam = searcher.search(scorer(50f), 500, node -> node < 40);
    assertEquals(40, beam.size());
    assertTrue(nodes(beam).containsAll(IntStream.range(0, 40).boxed().toList()));
  }
}
