package dev.azimuth.index.graph;

import java.util.concurrent.CancellationException;

/**
 * Lets the caller of a graph build watch its progress and stop it.
 *
 * <p>The builder calls both methods from its worker threads, possibly from several at once,
 * every few hundred inserted vectors and between phases; implementations must be thread-safe
 * and cheap (a volatile flag, an atomic counter).
 */
public interface BuildControl {
  /** Neither reports nor cancels. */
  BuildControl NONE = new BuildControl() {
    @Override
    public void progress(long done, long total) {}

    @Override
    public boolean cancelled() {
      return false;
    }
  };

  /**
   * Reports that {@code done} of {@code total} vectors have been inserted; {@code done} never
   * decreases but a call may arrive after a later one from another thread.
   */
  void progress(long done, long total);

  /**
   * Whether the build should stop; once it returns true the builder abandons its work, removes
   * its temporary file and throws {@link CancellationException}.
   */
  boolean cancelled();
}
