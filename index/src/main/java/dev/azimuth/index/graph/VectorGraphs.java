package dev.azimuth.index.graph;

import static java.util.Objects.requireNonNull;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.jvector.JVectorGraphs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;

/**
 * Builds graph indexes and opens them again from their files.
 *
 * <p>A file is written once, under a temporary name that is synced and then renamed, so a
 * crash leaves either no file or a whole one; its CRC32C checksum, returned by
 * {@link #build}, is what the caller records and hands back to {@link #open}. The formats are
 * described in the module README. Both methods are thread-safe.
 */
public final class VectorGraphs {
  private VectorGraphs() {}

  /**
   * A freshly built graph, already open, and the facts about its file.
   *
   * @param graph the graph, ready to search; the caller closes it
   * @param checksum the CRC32C of the whole file, to pass to {@link #open}
   * @param fileBytes the file's size
   */
  public record Built(VectorGraph graph, long checksum, long fileBytes) {
    /** Checks that the graph is present. */
    public Built {
      requireNonNull(graph, "graph");
    }
  }

  /**
   * Builds a graph over {@code data[i * dimension ..]} for the ordinals {@code 0 <= i < count}
   * that {@code include} accepts, writes it to {@code file} and returns it open.
   *
   * <p>Excluded ordinals are not in the graph, so no search returns them. The build runs on
   * {@code pool} (both JVector's SIMD and its parallel work). An {@link GraphKind#HNSW} graph
   * keeps scoring against {@code data} itself, never a copy.
   *
   * @param data vector {@code i} is {@code data[i * dimension .. (i + 1) * dimension)}
   * @param dimension the number of floats per vector, at least 1
   * @param count the number of ordinals, so {@code data} holds at least
   *     {@code count * dimension} floats
   * @param include which ordinals go in the graph; null includes all. It is called once per
   *     ordinal, on the calling thread.
   * @param options the validated options
   * @param file where to write the index; replaced if it exists
   * @param control progress reports and cancellation; null for {@link BuildControl#NONE}
   * @param pool the threads to build on
   * @throws CancellationException when {@code control} asked to stop; no file is left behind
   * @throws AzimuthException with {@link ErrorCode#INVALID_PARAMETER_VALUE} when an option does
   *     not fit the data (e.g. {@code pq_subspaces} above the dimension) and
   *     {@link ErrorCode#INTERNAL_ERROR} when {@code data}, {@code dimension} and {@code count}
   *     do not fit together
   * @throws IOException when the file cannot be written; no file is left behind
   */
  public static Built build(float[] data, int dimension, int count, IntPredicate include,
      GraphOptions options, Path file, BuildControl control, ForkJoinPool pool)
      throws IOException {
    return JVectorGraphs.build(data, dimension, count, include, options, file,
        control == null ? BuildControl.NONE : control, pool);
  }

  /**
   * Opens a file written by {@link #build}, verifying its checksum before anything else is
   * read from it.
   *
   * @param file the file {@link #build} wrote
   * @param expectedChecksum the checksum {@link #build} returned for it
   * @param data the vectors the graph was built over; required for {@link GraphKind#HNSW},
   *     ignored (and may be null) for {@link GraphKind#DISKANN}
   * @param dimension the dimension the graph was built with
   * @param count the ordinal count the graph was built with
   * @param options the options the graph was built with
   * @throws CorruptGraphException when the checksum differs, the file is truncated or does not
   *     parse, or its header records another dimension, count or options
   * @throws NoSuchFileException when the file does not exist
   * @throws IOException when the file cannot be read
   */
  public static VectorGraph open(Path file, long expectedChecksum, float[] data, int dimension,
      int count, GraphOptions options) throws IOException {
    return JVectorGraphs.open(file, expectedChecksum, data, dimension, count, options);
  }
}
