package dev.azimuth.storage.rocks;

import dev.azimuth.index.sorted.SortedOrdinals;
import dev.azimuth.storage.ValueOrder;

import dev.azimuth.index.graph.BuildControl;
import dev.azimuth.index.graph.VectorGraph;
import dev.azimuth.index.graph.VectorGraphs;
import dev.azimuth.index.text.SegmentTextIndex;
import dev.azimuth.storage.IndexDef;
import dev.azimuth.storage.TableDef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;

/**
 * What differs between index kinds when one segment's index is built into its file or opened
 * from it: a vector index's graph over the column's contiguous vectors, a FULLTEXT index's
 * inverted index over the column's texts. Everything else (scheduling, catalog states,
 * checksums, retirement) is {@link IndexService}'s and the same for both. Stateless.
 */
final class SegmentIndexFiles {
  /** How often a text build reports progress and looks for cancellation, in documents. */
  private static final int TEXT_CHECK_INTERVAL = 1024;

  private SegmentIndexFiles() {}

  /** An index built and durable in its file, with the file's CRC32C and size. */
  record Built(SegmentIndex index, long checksum, long bytes) {}

  /** The file of an index over a segment: {@code .graph} for vectors, {@code .text} for text. */
  static String fileName(IndexDef def, int segment) {
    return "index-" + def.id() + "-segment-" + segment
        + (def.fullText() ? ".text" : def.sorted() ? ".sorted" : ".graph");
  }

  /**
   * Builds the index of {@code def} over a sealed segment's live rows (and, for vectors, its
   * non-null vectors) and writes it to {@code file}.
   *
   * @throws CancellationException when {@code control} says so; no file is left
   */
  static Built build(IndexDef def, TableDef table, SegmentMirror.Snapshot s, Path file,
      BuildControl control, ForkJoinPool pool) throws IOException {
    int column = def.column();
    if (def.fullText()) {
      return buildText(def, s, file, control);
    }
    if (def.sorted()) {
      return buildSorted(def, s, file, control);
    }
    int dimension = table.columns().get(column).dimension();
    IntPredicate include = s.hasNulls(column)
        ? o -> s.isLive(o) && !s.isNull(column, o) : s::isLive;
    VectorGraphs.Built built = VectorGraphs.build(s.vectors(column), dimension, s.size(),
        include, def.options(), file, control, pool);
    return new Built(new SegmentIndex.Graph(built.graph()), built.checksum(), built.fileBytes());
  }

  private static Built buildSorted(IndexDef def, SegmentMirror.Snapshot s, Path file,
      BuildControl control) throws IOException {
    int[] columns = def.keyColumns().stream().mapToInt(Integer::intValue).toArray();
    SortedOrdinals sorted = SortedOrdinals.build(s.size(), s::isLive, (a, b) -> {
      for (int c : columns) {
        int order = ValueOrder.compare(s.value(c, a), s.value(c, b));
        if (order != 0) {
          return order;
        }
      }
      return 0;
    }, control::cancelled);
    SortedOrdinals.FileInfo info = sorted.write(file);
    return new Built(new SegmentIndex.Sorted(sorted), info.checksum(), info.bytes());
  }

  private static Built buildText(IndexDef def, SegmentMirror.Snapshot s, Path file,
      BuildControl control) throws IOException {
    int column = def.column();
    long total = s.liveCount();
    int[] done = {0};
    // Texts are handed over one live ordinal at a time: the place to report and to stop.
    SegmentTextIndex index = SegmentTextIndex.build(def.text().textAnalyzer(), s.size(), o -> {
      if (++done[0] % TEXT_CHECK_INTERVAL == 0) {
        if (control.cancelled()) {
          throw new CancellationException("text index build cancelled");
        }
        control.progress(done[0], total);
      }
      return (String) s.value(column, o);
    }, s::isLive);
    if (control.cancelled()) {
      throw new CancellationException("text index build cancelled");
    }
    SegmentTextIndex.FileInfo info = index.write(file);
    return new Built(new SegmentIndex.Text(index), info.checksum(), info.bytes());
  }

  /**
   * Opens the file of a built index, verifying its checksum first.
   *
   * @throws dev.azimuth.index.graph.CorruptGraphException or
   *     {@link dev.azimuth.index.text.CorruptTextIndexException} when the file is damaged or was
   *     built for other options
   * @throws IOException when it cannot be read (a missing file included)
   */
  static SegmentIndex open(IndexDef def, TableDef table, SegmentMirror.Snapshot s, Path file,
      long checksum) throws IOException {
    if (def.sorted()) {
      return new SegmentIndex.Sorted(SortedOrdinals.open(file, checksum, s.size()));
    }
    if (def.fullText()) {
      return new SegmentIndex.Text(SegmentTextIndex.open(file, checksum,
          def.text().textAnalyzer(), s.size()));
    }
    VectorGraph graph = VectorGraphs.open(file, checksum, s.vectors(def.column()),
        table.columns().get(def.column()).dimension(), s.size(), def.options());
    return new SegmentIndex.Graph(graph);
  }
}
