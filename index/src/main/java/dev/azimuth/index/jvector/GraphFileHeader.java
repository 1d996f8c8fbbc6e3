package dev.azimuth.index.jvector;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.index.Metric;
import dev.azimuth.index.graph.CorruptGraphException;
import dev.azimuth.index.graph.GraphKind;
import dev.azimuth.index.graph.GraphOptions;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The fixed 48-byte header that starts every graph file: what the graph was built from, so that
 * a file opened with other options or data is refused rather than misread.
 *
 * <p>Big-endian ints: magic {@code "AZVG"}, format version, kind code, metric code,
 * dimension, ordinal count, node count, m, ef_construction, pq_subspaces (as requested, 0 for
 * automatic) and two reserved zeros. Kinds and metrics are stored as explicit codes rather than
 * enum ordinals so that reordering an enum cannot change what old files mean.
 *
 * @param options the options the graph was built with
 * @param dimension the vectors' dimension
 * @param count the caller's ordinal count
 * @param nodeCount how many ordinals are in the graph
 * @param version the file's format version: 1, or 2 where an HNSW body is followed by its
 *     walk section ({@link ProjectedCodes})
 */
record GraphFileHeader(GraphOptions options, int dimension, int count, int nodeCount,
    int version) {
  static final int MAGIC = 0x415A5647;
  /** The version this build writes. */
  static final int VERSION = 2;
  /** The oldest version this build reads. */
  static final int OLDEST_VERSION = 1;
  static final int BYTES = 48;

  /** A header of the version this build writes. */
  GraphFileHeader(GraphOptions options, int dimension, int count, int nodeCount) {
    this(options, dimension, count, nodeCount, VERSION);
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(version);
    out.writeInt(kindCode(options.kind()));
    out.writeInt(metricCode(options.metric()));
    out.writeInt(dimension);
    out.writeInt(count);
    out.writeInt(nodeCount);
    out.writeInt(options.m());
    out.writeInt(options.efConstruction());
    out.writeInt(options.pqSubspaces());
    out.writeInt(0);
    out.writeInt(0);
  }

  /** Reads a header from the next {@link #BYTES} bytes of {@code in}. */
  static GraphFileHeader read(ByteBuffer in, Path file) {
    if (in.remaining() < BYTES) {
      throw new CorruptGraphException(file, "shorter than its " + BYTES + "-byte header");
    }
    int magic = in.getInt();
    int version = in.getInt();
    if (magic != MAGIC) {
      throw new CorruptGraphException(file, "not a graph index file (magic "
          + Integer.toHexString(magic) + ")");
    }
    if (version < OLDEST_VERSION || version > VERSION) {
      throw new CorruptGraphException(file, "format version " + version
          + " is not supported (this build reads versions " + OLDEST_VERSION + " to "
          + VERSION + ")");
    }
    int kind = in.getInt();
    int metric = in.getInt();
    int dimension = in.getInt();
    int count = in.getInt();
    int nodeCount = in.getInt();
    int m = in.getInt();
    int efConstruction = in.getInt();
    int pqSubspaces = in.getInt();
    in.getInt();
    in.getInt();
    GraphOptions options;
    try {
      options = new GraphOptions(kindOf(kind, file), metricOf(metric, file), m, efConstruction,
          pqSubspaces);
    } catch (AzimuthException e) {
      throw new CorruptGraphException(file, "the header's options are invalid", e);
    }
    if (dimension < 1 || count < 0 || nodeCount < 0 || nodeCount > count) {
      throw new CorruptGraphException(file, "the header's sizes are invalid: dimension "
          + dimension + ", count " + count + ", nodes " + nodeCount);
    }
    return new GraphFileHeader(options, dimension, count, nodeCount, version);
  }

  /** Refuses a file built for other options, dimension or ordinal count than the caller's. */
  void checkMatches(GraphOptions expected, int expectedDimension, int expectedCount, Path file) {
    if (!options.equals(expected) || dimension != expectedDimension || count != expectedCount) {
      throw new CorruptGraphException(file, "built for " + describe(options, dimension, count)
          + " but opened for " + describe(expected, expectedDimension, expectedCount));
    }
  }

  private static String describe(GraphOptions options, int dimension, int count) {
    return options + " over " + count + " vectors of dimension " + dimension;
  }

  private static int kindCode(GraphKind kind) {
    return switch (kind) {
      case HNSW -> 1;
      case DISKANN -> 2;
    };
  }

  private static GraphKind kindOf(int code, Path file) {
    return switch (code) {
      case 1 -> GraphKind.HNSW;
      case 2 -> GraphKind.DISKANN;
      default -> throw new CorruptGraphException(file, "unknown graph kind code " + code);
    };
  }

  private static int metricCode(Metric metric) {
    return switch (metric) {
      case L2 -> 1;
      case COSINE -> 2;
      case NEGATIVE_DOT -> 3;
      case L1 -> throw new IllegalArgumentException("graph indexes do not support L1");
    };
  }

  private static Metric metricOf(int code, Path file) {
    return switch (code) {
      case 1 -> Metric.L2;
      case 2 -> Metric.COSINE;
      case 3 -> Metric.NEGATIVE_DOT;
      default -> throw new CorruptGraphException(file, "unknown metric code " + code);
    };
  }
}
