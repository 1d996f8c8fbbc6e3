/**
 * The ANN benchmark harness ({@link dev.azimuth.bench.ann.AnnBench}): recall and throughput of
 * Azimuth's vector search through its embedded JDBC driver, against JVector called directly;
 * and the quality and latency of its hybrid search ({@code hybrid} mode).
 *
 * <p>Azimuth is reached only through {@code java.sql}; {@link dev.azimuth.bench.ann.RawJVector}
 * is the one class that imports JVector.
 */
package dev.azimuth.bench.ann;
