/**
 * Files of vectors, little-endian: fvecs/ivecs records and NumPy {@code .npy} arrays, read and
 * written without any library. Shared by the engine's COPY and the shell's client-side
 * {@code \copy}.
 */
package dev.azimuth.common.vectors;
