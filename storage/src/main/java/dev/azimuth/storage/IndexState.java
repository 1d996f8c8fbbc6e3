package dev.azimuth.storage;

/**
 * How far one index has got on one sealed segment. For a FULLTEXT index, "vectors" below are
 * rows with text (while building, live rows to go through).
 *
 * @param done  vectors indexed so far (while building), or the vectors in the graph (ready)
 * @param total vectors to index
 * @param error why the last build failed, or null
 * @param memoryBytes heap the loaded index holds (ready only, else 0): the graph, its codes and
 *     norms, or the text index's compressed postings; not the segment's own data or mapped pages
 */
public record IndexState(IndexDef index, int segment, Phase phase, long done, long total,
    String error, long memoryBytes) {
  public enum Phase { PENDING, BUILDING, READY, FAILED }

  /** A state with no loaded graph. */
  public IndexState(IndexDef index, int segment, Phase phase, long done, long total,
      String error) {
    this(index, segment, phase, done, total, error, 0);
  }
}
