package dev.azimuth.storage.rocks;

import static java.util.Objects.requireNonNull;

import dev.azimuth.index.graph.VectorGraph;
import dev.azimuth.index.text.SegmentTextIndex;

/**
 * A loaded index of one sealed segment: a vector graph, a BM25 text index or a sorted run of
 * ordinals (BTREE). Thread-safe as the
 * structures it wraps are.
 */
sealed interface SegmentIndex {
  /** Vectors in the graph, or documents (rows with text) in the text index. */
  int size();

  /** The heap it holds (see {@link VectorGraph#residentBytes}). */
  long residentBytes();

  /** Releases what it holds; it must not be searched afterwards. */
  void close();

  /** A vector index's graph. */
  record Graph(VectorGraph graph) implements SegmentIndex {
    public Graph {
      requireNonNull(graph, "graph");
    }

    @Override public int size() {
      return graph.size();
    }

    @Override public long residentBytes() {
      return graph.residentBytes();
    }

    @Override public void close() {
      graph.close();
    }
  }

  /** A FULLTEXT index's inverted index: plain heap arrays, so closing has nothing to release. */
  record Text(SegmentTextIndex index) implements SegmentIndex {
    public Text {
      requireNonNull(index, "index");
    }

    @Override public int size() {
      return index.documentCount();
    }

    @Override public long residentBytes() {
      return index.residentBytes();
    }

    @Override public void close() {}
  }

  /** A BTREE index's ordinals in key order: a heap array, so closing has nothing to release. */
  record Sorted(dev.azimuth.index.sorted.SortedOrdinals ordinals) implements SegmentIndex {
    public Sorted {
      requireNonNull(ordinals, "ordinals");
    }

    @Override public int size() {
      return ordinals.size();
    }

    @Override public long residentBytes() {
      return ordinals.residentBytes();
    }

    @Override public void close() {}
  }
}
