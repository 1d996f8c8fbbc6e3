package dev.azimuth.storage.rocks;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one table written by recent commits, each with the sequence of the last commit
 * that wrote it: what a commit checks its own keys against (first committer wins). Only
 * commits newer than the oldest open writing snapshot are kept; older ones can conflict with
 * no one. Not thread-safe: guarded by the table's write lock.
 */
final class RecentWrites {
  private record Commit(long sequence, List<Object> keys) {}

  private final Map<Object, Long> lastWrite = new HashMap<>();
  private final ArrayDeque<Commit> commits = new ArrayDeque<>();

  /** Remembers that the commit numbered {@code sequence} wrote {@code keys}. */
  void record(List<Object> keys, long sequence) {
    for (Object key : keys) {
      lastWrite.put(key, sequence);
    }
    commits.addLast(new Commit(sequence, keys));
  }

  /** Whether a commit numbered above {@code sequence} wrote the key. */
  boolean writtenAfter(Object key, long sequence) {
    Long last = lastWrite.get(key);
    return last != null && last > sequence;
  }

  /** Forgets commits numbered at or below {@code oldest}, the oldest open writing snapshot. */
  void prune(long oldest) {
    while (!commits.isEmpty() && commits.peekFirst().sequence() <= oldest) {
      Commit done = commits.removeFirst();
      for (Object key : done.keys()) {
        lastWrite.remove(key, done.sequence());
      }
    }
  }

  /** Keys remembered now, for tests. */
  int size() {
    return lastWrite.size();
  }
}
