package dev.azimuth.storage;

/**
 * How far one index has got on one sealed segment.
 *
 * @param done  vectors indexed so far (while building), or the vectors in the graph (ready)
 * @param total vectors to index
 * @param error why the last build failed, or null
 * @param memoryBytes heap the loaded graph holds (ready only, else 0): the graph, its codes and
 *     norms, not the segment's vectors or mapped file pages
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
