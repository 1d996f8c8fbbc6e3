package dev.azimuth.planner.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Whether the independent inputs of a statement (a fusion's) run concurrently: always (the
 * default), never, or when the machine has a core to spare, because on a busy machine handing an
 * input to another thread only adds the wait for that thread to be scheduled. On the quiet
 * 2-core VM concurrent inputs took a lone client's fusion of two index searches from 1.20 to
 * 0.87 ms, but cost two clients 9–14 % of their throughput (top-level README).
 */
public enum InputParallelism {
  /** Concurrently when the 1-minute load average leaves a core idle. */
  AUTO,
  /** Always concurrently. */
  ALWAYS,
  /** One after the other, on the statement's thread. */
  NEVER;

  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
  private static final long RECHECK_NANOS = 1_000_000_000L;
  private static volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;
  private static volatile boolean idleCore = true;

  /** Whether inputs run concurrently now. */
  public boolean concurrent() {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> idleCore();
    };
  }

  // Read at most once a second: the average moves slowly, and reading it costs a system call.
  private static boolean idleCore() {
    long now = System.nanoTime();
    if (now - checkedAt >= RECHECK_NANOS) {
      double load = OS.getSystemLoadAverage();
      // The statement's own thread is one of the runnable ones: another core must be idle.
      idleCore = load < 0 || load < OS.getAvailableProcessors() - 0.5;
      checkedAt = now;
    }
    return idleCore;
  }
}
