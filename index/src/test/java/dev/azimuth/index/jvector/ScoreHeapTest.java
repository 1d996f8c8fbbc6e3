package dev.azimuth.index.jvector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreHeapTest {
  /** Pushes more than the initial capacity, then pops: scores come out in heap order. */
  private static float[] drain(boolean max, float[] scores) {
    ScoreHeap heap = new ScoreHeap(2, max);
    for (int i = 0; i < scores.length; i++) {
      heap.push(i, scores[i]);
    }
    assertEquals(scores.length, heap.size());
    float[] out = new float[scores.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = heap.topScore();
      assertEquals(scores[heap.topNode()], heap.topScore(), "node and score stay paired");
      heap.pop();
    }
    assertEquals(0, heap.size());
    return out;
  }

  @Test
  void maxHeapPopsBestFirstAndMinHeapWorstFirst() {
    Random random = new Random(7);
    float[] scores = new float[1000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextInt(300) / 7f; // repeats included
    }
    float[] ascending = scores.clone();
    Arrays.sort(ascending);
    float[] descending = new float[ascending.length];
    for (int i = 0; i < ascending.length; i++) {
      descending[i] = ascending[ascending.length - 1 - i];
    }
    assertEquals(Arrays.toString(descending), Arrays.toString(drain(true, scores)));
    assertEquals(Arrays.toString(ascending), Arrays.toString(drain(false, scores)));
  }

  @Test
  void clearEmptiesAndPositionsListEveryEntry() {
    ScoreHeap heap = new ScoreHeap(4, false);
    heap.push(5, 0.5f);
    heap.push(6, 0.25f);
    heap.push(7, 0.75f);
    int nodeSum = 0;
    for (int i = 0; i < heap.size(); i++) {
      nodeSum += heap.node(i);
    }
    assertEquals(18, nodeSum);
    assertEquals(6, heap.topNode());
    heap.clear();
    assertEquals(0, heap.size());
    heap.push(9, 1f);
    assertEquals(9, heap.topNode());
  }
}
