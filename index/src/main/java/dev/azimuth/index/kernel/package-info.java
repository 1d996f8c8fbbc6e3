/** Distance kernels over float-array slices: a SIMD (Vector API) one and a scalar one. */
package dev.azimuth.index.kernel;
