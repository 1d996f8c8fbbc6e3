package dev.azimuth.index.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.Metric;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing, verifying and cancelling graph files. */
class VectorGraphFilesTest {
  static final int COUNT = 1500;
  static final int DIMENSION = 16;
  static final float[] DATA = ClusteredVectors.generate(11, COUNT, DIMENSION, 20);
  static final ForkJoinPool POOL = ForkJoinPool.commonPool();

  @TempDir static Path shared;
  @TempDir Path dir;

  /** One file per kind, built once; tests damage copies of it. */
  private static final Map<GraphKind, VectorGraphs.Built> BUILT = new EnumMap<>(GraphKind.class);

  /** Copies the shared file of {@code kind} to {@code file} and returns its build result. */
  private static synchronized VectorGraphs.Built build(GraphKind kind, Path file)
      throws IOException {
    VectorGraphs.Built built = BUILT.get(kind);
    if (built == null) {
      built = VectorGraphs.build(DATA, DIMENSION, COUNT, null, GraphOptions.of(kind, Metric.L2),
          shared.resolve(kind.name()), null, POOL);
      BUILT.put(kind, built);
    }
    Files.copy(shared.resolve(kind.name()), file);
    return built;
  }

  @AfterAll
  static void closeAll() {
    BUILT.values().forEach(b -> b.graph().close());
  }

  private static VectorGraph open(GraphKind kind, Path file, long checksum) throws IOException {
    return VectorGraphs.open(file, checksum, DATA, DIMENSION, COUNT,
        GraphOptions.of(kind, Metric.L2));
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void theChecksumIsTheFilesCrc32cAndNoTemporaryFileRemains(GraphKind kind) throws IOException {
    Path file = dir.resolve("graph");
    Files.writeString(file, "an older index, replaced atomically");
    VectorGraphs.Built built = VectorGraphs.build(DATA, DIMENSION, 300, null,
        GraphOptions.of(kind, Metric.L2), file, null, POOL);
    built.graph().close();
    assertEquals(crc32c(file), built.checksum());
    assertEquals(Files.size(file), built.fileBytes());
    assertEquals(List.of(file), listDir());
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void aWrongChecksumIsRefused(GraphKind kind) throws IOException {
    Path file = dir.resolve("graph");
    VectorGraphs.Built built = build(kind, file);
    CorruptGraphException e = assertThrows(CorruptGraphException.class,
        () -> open(kind, file, built.checksum() ^ 1));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    assertEquals(file, e.file());
    assertEquals(ErrorCode.IO_ERROR, e.code());
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void aFlippedByteAnywhereIsRefused(GraphKind kind) throws IOException {
    Path file = dir.resolve("graph");
    VectorGraphs.Built built = build(kind, file);
    long size = Files.size(file);
    for (long position : new long[] {0, 20, size / 3, size / 2, size - 1}) {
      Path damaged = dir.resolve("damaged-" + position);
      Files.copy(file, damaged);
      try (RandomAccessFile raf = new RandomAccessFile(damaged.toFile(), "rw")) {
        raf.seek(position);
        int b = raf.read();
        raf.seek(position);
        raf.write(b ^ 0x10);
      }
      assertThrows(CorruptGraphException.class, () -> open(kind, damaged, built.checksum()),
          "flipped byte at " + position);
    }
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void aTruncatedFileIsRefused(GraphKind kind) throws IOException {
    Path file = dir.resolve("graph");
    VectorGraphs.Built built = build(kind, file);
    for (long keep : new long[] {0, 10, Files.size(file) / 2, Files.size(file) - 1}) {
      Path truncated = dir.resolve("truncated-" + keep);
      Files.copy(file, truncated);
      try (RandomAccessFile raf = new RandomAccessFile(truncated.toFile(), "rw")) {
        raf.setLength(keep);
      }
      assertThrows(CorruptGraphException.class, () -> open(kind, truncated, built.checksum()),
          "truncated to " + keep);
      // Even with the truncated file's own checksum, its content does not parse.
      assertThrows(CorruptGraphException.class, () -> open(kind, truncated, crc32c(truncated)),
          "truncated to " + keep + ", own checksum");
    }
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void unreadableContentWithAMatchingChecksumIsRefused(GraphKind kind) throws IOException {
    Path garbage = dir.resolve("garbage");
    byte[] bytes = new byte[4096];
    new java.util.Random(3).nextBytes(bytes);
    Files.write(garbage, bytes);
    CorruptGraphException e = assertThrows(CorruptGraphException.class,
        () -> open(kind, garbage, crc32c(garbage)));
    assertTrue(e.getMessage().contains("not a graph index file"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void aFileOpenedWithOtherOptionsOrSizesIsRefused(GraphKind kind) throws IOException {
    Path file = dir.resolve("graph");
    VectorGraphs.Built built = build(kind, file);
    long checksum = built.checksum();
    GraphKind other = kind == GraphKind.HNSW ? GraphKind.DISKANN : GraphKind.HNSW;
    for (GraphOptions wrong : List.of(GraphOptions.of(kind, Metric.COSINE),
        GraphOptions.of(other, Metric.L2), new GraphOptions(kind, Metric.L2, 8, 100, 0))) {
      CorruptGraphException e = assertThrows(CorruptGraphException.class,
          () -> VectorGraphs.open(file, checksum, DATA, DIMENSION, COUNT, wrong));
      assertTrue(e.getMessage().contains("but opened for"), e.getMessage());
    }
    assertThrows(CorruptGraphException.class, () -> VectorGraphs.open(file, checksum, DATA,
        DIMENSION, COUNT - 1, GraphOptions.of(kind, Metric.L2)));
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void aMissingFileSaysSo(GraphKind kind) {
    Path missing = dir.resolve("missing");
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> open(kind, missing, 0));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void cancellingStopsTheBuildAndLeavesNoFile(GraphKind kind) throws IOException {
    AtomicInteger reports = new AtomicInteger();
    BuildControl cancelAfterFirstReport = new BuildControl() {
      @Override
      public void progress(long done, long total) {
        reports.incrementAndGet();
      }

      @Override
      public boolean cancelled() {
        return reports.get() > 0;
      }
    };
    Path file = dir.resolve("graph");
    assertThrows(CancellationException.class, () -> VectorGraphs.build(DATA, DIMENSION, COUNT,
        null, GraphOptions.of(kind, Metric.L2), file, cancelAfterFirstReport, POOL));
    assertTrue(reports.get() >= 1);
    assertEquals(List.of(), listDir());
  }

  /**
   * Cancels at the n-th check after all vectors are inserted (PQ training, writing, ...), for
   * growing n: wherever it lands, either the build finishes with its file or nothing is left.
   */
  @ParameterizedTest
  @EnumSource(GraphKind.class)
  void cancellingInAnyLaterPhaseLeavesNoFile(GraphKind kind) throws IOException {
    int cancelled = 0;
    for (int n = 1; n <= 6; n++) {
      int threshold = n;
      AtomicInteger checksAfterInsertion = new AtomicInteger();
      AtomicInteger inserted = new AtomicInteger();
      BuildControl control = new BuildControl() {
        @Override
        public void progress(long done, long total) {
          if (done == total) {
            inserted.set(1);
          }
        }

        @Override
        public boolean cancelled() {
          return inserted.get() == 1 && checksAfterInsertion.incrementAndGet() >= threshold;
        }
      };
      Path file = dir.resolve("graph");
      try {
        VectorGraphs.build(DATA, DIMENSION, 400, null, GraphOptions.of(kind, Metric.L2), file,
            control, POOL).graph().close();
        assertEquals(List.of(file), listDir(), "finished at check " + n);
        Files.delete(file);
      } catch (CancellationException e) {
        cancelled++;
        assertEquals(List.of(), listDir(), "cancelled at check " + n);
      }
    }
    assertTrue(cancelled >= 1, "no check came after the insertions");
  }

  @Test
  void cancellingBeforeTheStartBuildsNothing() throws IOException {
    BuildControl cancelled = new BuildControl() {
      @Override
      public void progress(long done, long total) {
        throw new AssertionError("no progress expected");
      }

      @Override
      public boolean cancelled() {
        return true;
      }
    };
    assertThrows(CancellationException.class, () -> VectorGraphs.build(DATA, DIMENSION, COUNT,
        null, GraphOptions.of(GraphKind.HNSW, Metric.L2), dir.resolve("g"), cancelled, POOL));
    assertEquals(List.of(), listDir());
  }

  @Test
  void progressEndsAtTheTotal() throws IOException {
    AtomicLong last = new AtomicLong();
    AtomicLong total = new AtomicLong();
    BuildControl control = new BuildControl() {
      @Override
      public void progress(long done, long all) {
        last.accumulateAndGet(done, Math::max);
        total.set(all);
      }

      @Override
      public boolean cancelled() {
        return false;
      }
    };
    VectorGraphs.Built built = VectorGraphs.build(DATA, DIMENSION, COUNT, i -> i < 1000,
        GraphOptions.of(GraphKind.HNSW, Metric.L2), dir.resolve("g"), control, POOL);
    built.graph().close();
    assertEquals(1000, total.get());
    assertEquals(1000, last.get());
  }

  @Test
  void optionsThatDoNotFitTheDataAreRejectedBeforeAnyWork() {
    GraphOptions tooManySubspaces = new GraphOptions(GraphKind.DISKANN, Metric.L2, 16, 100, 17);
    AzimuthException e = assertThrows(AzimuthException.class, () -> VectorGraphs.build(DATA,
        DIMENSION, COUNT, null, tooManySubspaces, dir.resolve("g"), null, POOL));
    assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
    assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(AzimuthException.class,
        () -> VectorGraphs.build(DATA, DIMENSION, COUNT + 1, null,
            GraphOptions.of(GraphKind.HNSW, Metric.L2), dir.resolve("g"), null, POOL)).code());
  }

  private List<Path> listDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  private static long crc32c(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    crc.update(Files.readAllBytes(file));
    return crc.getValue();
  }
}
