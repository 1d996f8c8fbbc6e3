package dev.azimuth.storage.rocks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which sealed segments of a table to rewrite, from their sizes alone. Pure and
 * thread-safe.
 *
 * <p>Three kinds of rewrite, in this order of priority:
 * <ol>
 *   <li>a segment whose rows are all deleted is dropped;
 *   <li>a segment whose deleted fraction reached {@code deletedFraction} is rewritten without
 *       its dead rows; several such segments are packed into one while they fit under
 *       {@code maxSegmentRows};
 *   <li>tiered merging, as Lucene's log and tiered policies do: a segment's <em>tier</em> is
 *       {@code floor(log_mergeFactor(max(live, floorRows) / floorRows))}; once a tier holds
 *       {@code mergeFactor} segments, its smallest {@code mergeFactor} become one segment of
 *       the next tier. Each row is therefore rewritten about once per tier, a number
 *       logarithmic in the table's size, and a big segment is not rewritten whenever a small
 *       one seals. Segments of {@code maxSegmentRows / 2} live rows or more take part only
 *       when their deletions make them dirty, and no merge produces more than
 *       {@code maxSegmentRows} rows.
 * </ol>
 */
final class MergePolicy {
  /** What the policy knows of a sealed segment: its id, its ordinals and its live rows. */
  record SegmentStats(int id, int rows, int live) {}

  /** One rewrite: these segments become one new segment (or none, if no row is live). */
  record Merge(List<Integer> segments, long liveRows) {
    Merge {
      segments = List.copyOf(segments);
    }
  }

  private final int mergeFactor;
  private final int maxSegmentRows;
  private final double deletedFraction;
  private final int floorRows;

  /**
   * @param mergeFactor     segments of one tier merged at once, at least 2
   * @param maxSegmentRows  no merge produces a segment with more live rows, at least 1
   * @param deletedFraction a segment with at least this fraction of deleted ordinals is
   *                        rewritten, in (0, 1]
   * @param floorRows       the size of the smallest tier (segments smaller count as this
   *                        size), normally the seal threshold, at least 1
   */
  MergePolicy(int mergeFactor, int maxSegmentRows, double deletedFraction, int floorRows) {
    if (mergeFactor < 2) {
      throw new IllegalArgumentException("mergeFactor must be at least 2, got " + mergeFactor);
    }
    if (maxSegmentRows < 1) {
      throw new IllegalArgumentException("maxSegmentRows must be positive, got "
          + maxSegmentRows);
    }
    if (!(deletedFraction > 0 && deletedFraction <= 1)) {
      throw new IllegalArgumentException("deletedFraction must be in (0, 1], got "
          + deletedFraction);
    }
    if (floorRows < 1) {
      throw new IllegalArgumentException("floorRows must be positive, got " + floorRows);
    }
    this.mergeFactor = mergeFactor;
    this.maxSegmentRows = maxSegmentRows;
    this.deletedFraction = deletedFraction;
    this.floorRows = floorRows;
  }

  /** The rewrites worth doing now, most urgent first; no segment is in two of them. */
  List<Merge> select(List<SegmentStats> sealed) {
    List<Merge> out = new ArrayList<>();
    Set<Integer> chosen = new HashSet<>();
    for (SegmentStats s : sealed) {
      if (s.live() == 0) {
        out.add(new Merge(List.of(s.id()), 0));
        chosen.add(s.id());
      }
    }
    selectDirty(sealed, chosen, out);
    selectTiers(sealed, chosen, out);
    return out;
  }

  private void selectDirty(List<SegmentStats> sealed, Set<Integer> chosen, List<Merge> out) {
    List<SegmentStats> dirty = new ArrayList<>();
    for (SegmentStats s : sealed) {
      if (!chosen.contains(s.id()) && s.rows() > 0
          && (s.rows() - s.live()) >= deletedFraction * s.rows()) {
        dirty.add(s);
      }
    }
    dirty.sort(BY_LIVE);
    List<Integer> group = new ArrayList<>();
    long sum = 0;
    for (SegmentStats s : dirty) {
      if (!group.isEmpty() && sum + s.live() > maxSegmentRows) {
        out.add(new Merge(group, sum));
        group.clear();
        sum = 0;
      }
      group.add(s.id());
      sum += s.live();
      chosen.add(s.id());
    }
    if (!group.isEmpty()) {
      out.add(new Merge(group, sum));
    }
  }

  private void selectTiers(List<SegmentStats> sealed, Set<Integer> chosen, List<Merge> out) {
    TreeMap<Integer, List<SegmentStats>> tiers = new TreeMap<>();
    for (SegmentStats s : sealed) {
      // Big segments change only through deletions: merging them would rewrite many rows to
      // save one graph search.
      if (!chosen.contains(s.id()) && s.live() < maxSegmentRows / 2.0) {
        tiers.computeIfAbsent(tier(s.live()), t -> new ArrayList<>()).add(s);
      }
    }
    for (List<SegmentStats> tier : tiers.values()) {
      tier.sort(BY_LIVE);
      while (tier.size() >= mergeFactor) {
        List<SegmentStats> group = new ArrayList<>(tier.subList(0, mergeFactor));
        long sum = group.stream().mapToLong(SegmentStats::live).sum();
        while (sum > maxSegmentRows && group.size() > 1) {
          sum -= group.removeLast().live();
        }
        if (group.size() < 2) {
          break;
        }
        out.add(new Merge(group.stream().map(SegmentStats::id).toList(), sum));
        tier.removeAll(group);
      }
    }
  }

  /** The tier of a segment with this many live rows: 0 for up to mergeFactor floors, ... */
  int tier(long live) {
    double units = Math.max(live, floorRows) / (double) floorRows;
    int tier = 0;
    for (double bound = mergeFactor; units >= bound; bound *= mergeFactor) {
      tier++;
    }
    return tier;
  }

  private static final Comparator<SegmentStats> BY_LIVE =
      Comparator.comparingInt(SegmentStats::live).thenComparingInt(SegmentStats::id);
}
