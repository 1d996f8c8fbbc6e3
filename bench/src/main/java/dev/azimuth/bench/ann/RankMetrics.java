package dev.azimuth.bench.ann;

import java.util.HashSet;
import java.util.Set;

/**
 * Ranking quality against binary relevance labels (qrels): recall@k, nDCG@k and MRR@k of one
 * ranked list, and their means over a query set. A repeated id counts once, at its first place.
 */
final class RankMetrics {
  private RankMetrics() {}

  /**
   * The share of the relevant ids found in the first {@code k} of {@code ranked}:
   * |relevant ∩ top k| / |relevant| (so it stays below 1 when more than k are relevant).
   *
   * @throws IllegalArgumentException if nothing is relevant (the query cannot be scored)
   */
  static double recall(int[] ranked, Set<Integer> relevant, int k) {
    requireRelevant(relevant);
    return hits(ranked, relevant, k) / (double) relevant.size();
  }

  /**
   * Normalised discounted cumulative gain with binary gains: DCG = Σ 1 / log2(i + 1) over the
   * relevant ids at places i = 1..k, divided by the DCG of an ideal list, which puts
   * min(|relevant|, k) relevant ids first.
   */
  static double ndcg(int[] ranked, Set<Integer> relevant, int k) {
    requireRelevant(relevant);
    double dcg = 0;
    Set<Integer> seen = new HashSet<>();
    int n = Math.min(k, ranked.length);
    for (int i = 0; i < n; i++) {
      if (seen.add(ranked[i]) && relevant.contains(ranked[i])) {
        dcg += discount(i + 1);
      }
    }
    double ideal = 0;
    for (int place = 1; place <= Math.min(k, relevant.size()); place++) {
      ideal += discount(place);
    }
    return dcg / ideal;
  }

  /** 1 / the place (from 1) of the first relevant id within the first k, or 0 if none is. */
  static double reciprocalRank(int[] ranked, Set<Integer> relevant, int k) {
    requireRelevant(relevant);
    int n = Math.min(k, ranked.length);
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranked[i])) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /** Distinct relevant ids among the first {@code k} of {@code ranked}. */
  static int hits(int[] ranked, Set<Integer> relevant, int k) {
    Set<Integer> found = new HashSet<>();
    int n = Math.min(k, ranked.length);
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranked[i])) {
        found.add(ranked[i]);
      }
    }
    return found.size();
  }

  private static double discount(int place) {
    return 1 / (Math.log(place + 1) / Math.log(2));
  }

  private static void requireRelevant(Set<Integer> relevant) {
    if (relevant.isEmpty()) {
      throw new IllegalArgumentException("a query without relevant documents cannot be scored");
    }
  }

  /** Running means of recall@k, nDCG@k and MRR@k over queries. Not thread-safe. */
  static final class Mean {
    private final int k;
    private double recall;
    private double ndcg;
    private double mrr;
    private int queries;

    Mean(int k) {
      this.k = k;
    }

    /** Adds one query's ranked list. */
    void add(int[] ranked, Set<Integer> relevant) {
      recall += RankMetrics.recall(ranked, relevant, k);
      ndcg += RankMetrics.ndcg(ranked, relevant, k);
      mrr += reciprocalRank(ranked, relevant, k);
      queries++;
    }

    int queries() {
      return queries;
    }

    double recall() {
      return queries == 0 ? Double.NaN : recall / queries;
    }

    double ndcg() {
      return queries == 0 ? Double.NaN : ndcg / queries;
    }

    double mrr() {
      return queries == 0 ? Double.NaN : mrr / queries;
    }
  }
}
