package dev.azimuth.index.sorted;

import static java.util.Objects.requireNonNull;

import dev.azimuth.index.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.zip.CRC32C;

/**
 * The ordinals of one immutable segment sorted by their key: the scalar index of a segment, as
 * Milvus's sorted scalar index is. Holds ordinals only (4 bytes a row); keys are read from the
 * segment's column arrays when searched, so the index costs little memory and its file is a
 * plain array. A range of keys is a run of consecutive positions, found by binary search
 * ({@link #partition}); walking positions forwards or backwards yields the ordinals in key
 * order, for ORDER BY ... LIMIT.
 *
 * <p>Immutable and thread-safe. File format (big-endian): magic {@code "AZSO"}, version 1, the
 * segment's ordinal count, the number of ordinals indexed, then the ordinals.
 */
public final class SortedOrdinals {
  static final int MAGIC = 0x415A534F; // "AZSO"
  static final int VERSION = 1;
  private static final int HEADER_BYTES = 16;
  /** How often a build looks for cancellation, in merge steps. */
  private static final int CANCEL_CHECK_INTERVAL = 1 << 16;

  /** Compares two ordinals by their keys. */
  @FunctionalInterface
  public interface OrdinalComparator {
    int compare(int a, int b);
  }

  /** The checksum (CRC32C of the file) and size of a written index. */
  public record FileInfo(long checksum, long bytes) {}

  private final int ordinalCount;
  private final int[] order;

  private SortedOrdinals(int ordinalCount, int[] order) {
    this.ordinalCount = ordinalCount;
    this.order = order;
  }

  /**
   * Sorts the included ordinals of a segment of {@code ordinalCount} ordinals by
   * {@code comparator}; ordinals of equal keys stay in ordinal order (the sort is stable).
   *
   * @throws CancellationException when {@code cancelled} turns true during the sort
   */
  public static SortedOrdinals build(int ordinalCount, IntPredicate include,
      OrdinalComparator comparator, BooleanSupplier cancelled) {
    requireNonNull(include, "include");
    requireNonNull(comparator, "comparator");
    int n = 0;
    int[] order = new int[ordinalCount];
    for (int o = 0; o < ordinalCount; o++) {
      if (include.test(o)) {
        order[n++] = o;
      }
    }
    int[] a = java.util.Arrays.copyOf(order, n);
    int[] b = new int[n];
    long steps = 0;
    // Bottom-up merge sort over primitive ints: no boxing, stable, n log n comparisons.
    for (int width = 1; width < n; width <<= 1) {
      for (int lo = 0; lo < n; lo += width << 1) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + (width << 1), n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = comparator.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
        steps += hi - lo;
        if (steps >= CANCEL_CHECK_INTERVAL) {
          steps = 0;
          if (cancelled.getAsBoolean()) {
            throw new CancellationException("sorted index build cancelled");
          }
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return new SortedOrdinals(ordinalCount, a);
  }

  /** The number of ordinals of the segment the index was built over. */
  public int ordinalCount() {
    return ordinalCount;
  }

  /** The number of ordinals indexed. */
  public int size() {
    return order.length;
  }

  /** The ordinal at a position, positions counting in key order from 0. */
  public int ordinal(int position) {
    return order[position];
  }

  /**
   * The first position whose ordinal does not satisfy {@code before}, or {@link #size}: for a
   * predicate true exactly for the ordinals whose keys sort before some bound (true on a prefix
   * of the positions), the position where keys reach the bound.
   */
  public int partition(IntPredicate before) {
    int lo = 0;
    int hi = order.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (before.test(order[mid])) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The heap the index holds. */
  public long residentBytes() {
    return 16L + 4L * order.length;
  }

  /**
   * Writes the index to {@code file} atomically (temporary file, fsync, rename, directory
   * fsync); on failure {@code file} is unchanged.
   */
  public FileInfo write(Path file) throws IOException {
    AtomicFiles.Written written = AtomicFiles.write(file, temporary -> {
      try (DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(ordinalCount);
        out.writeInt(order.length);
        for (int o : order) {
          out.writeInt(o);
        }
      }
    });
    return new FileInfo(written.checksum(), written.bytes());
  }

  /**
   * Opens a file {@link #write} wrote, verifying its checksum before anything is parsed.
   *
   * @throws CorruptSortedIndexException when the checksum differs, the file is cut short or
   *     holds an ordinal out of range, or it was built over another ordinal count
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   */
  public static SortedOrdinals open(Path file, long checksum, int ordinalCount)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    if (crc.getValue() != checksum) {
      throw new CorruptSortedIndexException(file, "checksum mismatch");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (bytes.length < HEADER_BYTES || in.getInt() != MAGIC || in.getInt() != VERSION) {
      throw new CorruptSortedIndexException(file, "not a sorted index file of version "
          + VERSION);
    }
    int count = in.getInt();
    int n = in.getInt();
    if (count != ordinalCount) {
      throw new CorruptSortedIndexException(file, "built over " + count
          + " ordinals, opened for " + ordinalCount);
    }
    if (n < 0 || n > count || bytes.length != HEADER_BYTES + 4L * n) {
      throw new CorruptSortedIndexException(file, "length does not match its header");
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = in.getInt();
      if (order[i] < 0 || order[i] >= count) {
        throw new CorruptSortedIndexException(file, "ordinal " + order[i] + " out of range");
      }
    }
    return new SortedOrdinals(count, order);
  }
}
