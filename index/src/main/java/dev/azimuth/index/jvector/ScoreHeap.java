package dev.azimuth.index.jvector;

import java.util.Arrays;

/**
 * A binary heap of (node, score) pairs in two parallel primitive arrays, ordered so that the
 * best (a max-heap) or the worst (a min-heap) score is on top; it grows as needed. Not
 * thread-safe.
 */
final class ScoreHeap {
  private final boolean max;
  private int[] nodes;
  private float[] scores;
  private int size;

  ScoreHeap(int capacity, boolean max) {
    this.max = max;
    this.nodes = new int[capacity];
    this.scores = new float[capacity];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** The node at heap position {@code i}, {@code 0 <= i < size()}: not in score order. */
  int node(int i) {
    return nodes[i];
  }

  /** The score at heap position {@code i}. */
  float score(int i) {
    return scores[i];
  }

  int topNode() {
    return nodes[0];
  }

  float topScore() {
    return scores[0];
  }

  void push(int node, float score) {
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
      scores = Arrays.copyOf(scores, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!above(score, scores[parent])) {
        break;
      }
      nodes[i] = nodes[parent];
      scores[i] = scores[parent];
      i = parent;
    }
    nodes[i] = node;
    scores[i] = score;
  }

  void pop() {
    int last = --size;
    if (last == 0) {
      return;
    }
    int node = nodes[last];
    float score = scores[last];
    int i = 0;
    for (int child = 1; child < last; child = 2 * i + 1) {
      if (child + 1 < last && above(scores[child + 1], scores[child])) {
        child++;
      }
      if (!above(scores[child], score)) {
        break;
      }
      nodes[i] = nodes[child];
      scores[i] = scores[child];
      i = child;
    }
    nodes[i] = node;
    scores[i] = score;
  }

  /** Whether {@code a} belongs above {@code b} in this heap. */
  private boolean above(float a, float b) {
    return max ? a > b : a < b;
  }
}
