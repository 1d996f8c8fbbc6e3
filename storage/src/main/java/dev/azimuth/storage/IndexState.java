package dev.azimuth.storage;

/**
 * How far one index has got on one sealed segment.
 *
 * @param done  vectors indexed so far (while building), or the vectors in the graph (ready)
 * @param total vectors to index
 * @param error why the last build failed, or null
 */
public record IndexState(IndexDef index, int segment, Phase phase, long done, long total,
    String error) {
  public enum Phase { PENDING, BUILDING, READY, FAILED }
}
