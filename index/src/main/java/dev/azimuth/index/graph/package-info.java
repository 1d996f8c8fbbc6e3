/**
 * Approximate nearest-neighbour graphs over one segment's vectors: the options, the build and
 * open entry points and the search interface the storage layer calls. No JVector type appears
 * here; the implementation lives in {@code dev.azimuth.index.jvector}.
 */
package dev.azimuth.index.graph;
