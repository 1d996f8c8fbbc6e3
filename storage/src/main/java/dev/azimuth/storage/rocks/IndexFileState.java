package dev.azimuth.storage.rocks;

/**
 * A built graph of one index over one segment, as the catalog records it once the file is
 * durable: the file is trusted only if its checksum still matches.
 */
record IndexFileState(String file, long checksum, long bytes, int vectors) {}
