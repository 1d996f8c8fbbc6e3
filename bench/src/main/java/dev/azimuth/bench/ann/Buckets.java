package dev.azimuth.bench.ann;

/**
 * The {@code r} column: a deterministic pseudo-random bucket in 0..999 derived from the row id,
 * so filters of known selectivity ({@code r < 500}, {@code r < 10}, {@code r = 7}) can be written
 * in SQL and evaluated by the harness without reading the table.
 *
 * <p>{@code r = Long.remainderUnsigned(mix(id), 1000)}, where {@code mix} is SplitMix64's
 * finalizer (Stafford's variant 13): unlike a plain multiplicative hash it leaves no visible
 * pattern in consecutive ids.
 */
final class Buckets {
  /** How many buckets there are. */
  static final int COUNT = 1000;

  private Buckets() {}

  /** The bucket of row {@code id}, in 0..999. */
  static int of(long id) {
    long z = id + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (int) Long.remainderUnsigned(z, COUNT);
  }
}
