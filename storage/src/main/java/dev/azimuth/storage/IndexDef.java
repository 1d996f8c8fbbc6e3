package dev.azimuth.storage;

import static java.util.Objects.requireNonNull;

import dev.azimuth.index.graph.GraphOptions;

/**
 * A vector index as the catalog keeps it: one graph per sealed segment of its table.
 *
 * @param id      identifier, never reused; names the index's files
 * @param name    the index's name, unique in the database
 * @param tableId the indexed table
 * @param column  index of the indexed VECTOR column in the table's columns
 * @param options kind (HNSW, DISKANN), metric and build parameters
 */
public record IndexDef(long id, String name, long tableId, int column, GraphOptions options) {
  public IndexDef {
    requireNonNull(name, "name");
    requireNonNull(options, "options");
  }
}
