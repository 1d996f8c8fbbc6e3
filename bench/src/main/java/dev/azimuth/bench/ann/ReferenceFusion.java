package dev.azimuth.bench.ann;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * RRF and weighted fusion computed here, from the ranked lists the single retrievers returned,
 * as README.md defines them: an independent check of what the engine's {@code RRF} and
 * {@code WEIGHTED_FUSION} return for the same inputs.
 */
final class ReferenceFusion {
  private ReferenceFusion() {}

  /** One input's result: ids best first, and the value each was ordered by. */
  record Ranked(int[] ids, double[] scores) {
    Ranked {
      if (ids.length != scores.length) {
        throw new IllegalArgumentException(ids.length + " ids, " + scores.length + " scores");
      }
    }
  }

  /** A fused row. */
  record Fused(int id, double score) {}

  /** Normalisation of an input ordered by cosine distance ascending: 1 − d/2. */
  static final DoubleUnaryOperator COSINE = d -> 1 - d / 2;

  /** Normalisation of an input ordered by BM25 descending: 2·atan(s)/π. */
  static final DoubleUnaryOperator BM25 = s -> 2 * Math.atan(s) / Math.PI;

  /**
   * Reciprocal Rank Fusion: score(d) = Σᵢ 1 / (k + rankᵢ(d)), ranks from 1, a key listed twice
   * in one input counting at its first place; best first, ties to the smaller id.
   */
  static List<Fused> rrf(List<Ranked> inputs, int k) {
    Map<Integer, Double> scores = new HashMap<>();
    for (Ranked input : inputs) {
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < input.ids().length; i++) {
        if (seen.add(input.ids()[i])) {
          scores.merge(input.ids()[i], 1.0 / (k + i + 1), Double::sum);
        }
      }
    }
    return sorted(scores);
  }

  /**
   * Weighted fusion: score(d) = Σᵢ wᵢ · normᵢ(scoreᵢ(d)) over the inputs listing d (at its
   * first place); best first, ties to the smaller id.
   */
  static List<Fused> weighted(List<Ranked> inputs, double[] weights,
      List<DoubleUnaryOperator> norms) {
    if (weights.length != inputs.size() || norms.size() != inputs.size()) {
      throw new IllegalArgumentException(inputs.size() + " inputs, " + weights.length
          + " weights, " + norms.size() + " normalisations");
    }
    Map<Integer, Double> scores = new HashMap<>();
    for (int in = 0; in < inputs.size(); in++) {
      Ranked input = inputs.get(in);
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < input.ids().length; i++) {
        if (seen.add(input.ids()[i])) {
          double v = weights[in] * norms.get(in).applyAsDouble(input.scores()[i]);
          scores.merge(input.ids()[i], v, Double::sum);
        }
      }
    }
    return sorted(scores);
  }

  /** The first {@code k} ids of a fused list. */
  static int[] top(List<Fused> fused, int k) {
    return fused.stream().limit(k).mapToInt(Fused::id).toArray();
  }

  /** How an engine result compares with the reference. */
  enum Agreement {
    /** Same rows, scores equal to 1e-9 relative. */
    EXACT,
    /**
     * Same rows, but some score differs by more than 1e-9 and at most 1e-6 relative: a distance
     * rounded differently in float32 (its last bit or two), not a different fusion.
     */
    ROUNDING,
    /** Other rows, another order, or scores further apart. */
    DIFFERENT
  }

  /**
   * Compares the engine's first rows (a {@code LIMIT limit} of the fusion) with the reference
   * list: there must be min(limit, reference size) rows, and each engine row's score must equal
   * the reference score of its id and the reference score at its place. Rows whose scores tie
   * may come in either order.
   */
  static Agreement compare(List<Fused> reference, int limit, int[] engineIds,
      double[] engineScores) {
    if (agrees(reference, limit, engineIds, engineScores, 1e-9)) {
      return Agreement.EXACT;
    }
    return agrees(reference, limit, engineIds, engineScores, 1e-6) ? Agreement.ROUNDING
        : Agreement.DIFFERENT;
  }

  private static boolean agrees(List<Fused> reference, int limit, int[] engineIds,
      double[] engineScores, double tolerance) {
    int n = Math.min(limit, reference.size());
    if (engineIds.length != n || engineScores.length != n) {
      return false;
    }
    Map<Integer, Double> byId = new HashMap<>();
    for (Fused f : reference) {
      byId.put(f.id(), f.score());
    }
    for (int i = 0; i < n; i++) {
      Double mine = byId.get(engineIds[i]);
      if (mine == null || !close(mine, engineScores[i], tolerance)
          || !close(reference.get(i).score(), engineScores[i], tolerance)) {
        return false;
      }
    }
    return true;
  }

  private static boolean close(double a, double b, double tolerance) {
    return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  }

  private static List<Fused> sorted(Map<Integer, Double> scores) {
    List<Fused> out = new ArrayList<>();
    scores.forEach((id, s) -> out.add(new Fused(id, s)));
    out.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(Fused::id));
    return out;
  }
}
