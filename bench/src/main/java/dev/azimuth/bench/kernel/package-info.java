/** Benchmarks of the distance kernels: SIMD against scalar, per dimension and metric. */
package dev.azimuth.bench.kernel;
