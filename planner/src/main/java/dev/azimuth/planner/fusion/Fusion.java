package dev.azimuth.planner.fusion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fusion of ranked inputs over one table's keys: Reciprocal Rank Fusion and weighted score
 * fusion. A key absent from an input contributes nothing from it; a key listed twice in one
 * input counts at its first (best) place. Results come best first, ties broken by key
 * ascending, so the order is deterministic. Stateless.
 */
public final class Fusion {
  /** RRF's k when the statement gives none, as in the original paper and most engines. */
  public static final int DEFAULT_RRF_K = 60;

  private Fusion() {}

  /** One ranked input: keys best first, with each key's score (may be null for RRF). */
  public record Input(List<?> keys, double[] scores) {
    public Input {
      Objects.requireNonNull(keys, "keys");
      if (scores != null && scores.length != keys.size()) {
        throw new IllegalArgumentException(keys.size() + " keys but " + scores.length
            + " scores");
      }
    }

    /** An input of ranks only. */
    public static Input ranked(List<?> keys) {
      return new Input(keys, null);
    }
  }

  /**
   * A fused row: the key, its fused score, and its rank in each input (1 for the best), null
   * where the input does not list it.
   */
  public record Fused(Object key, double score, Integer[] ranks) {}

  /** {@code score(d) = Σᵢ 1 / (k + rankᵢ(d))} over the inputs that list d. */
  public static List<Fused> rrf(List<Input> inputs, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("RRF's k must not be negative, got " + k);
    }
    return fuse(inputs, (input, position) -> 1.0 / (k + position + 1));
  }

  /**
   * {@code score(d) = Σᵢ wᵢ · normᵢ(scoreᵢ(d))} over the inputs that list d, each input's
   * scores first mapped onto [0, 1] by its {@link ScoreNormalization}.
   */
  public static List<Fused> weighted(List<Input> inputs, double[] weights,
      List<ScoreNormalization> normalizations) {
    if (weights.length != inputs.size() || normalizations.size() != inputs.size()) {
      throw new IllegalArgumentException(inputs.size() + " inputs need as many weights and "
          + "normalizations, got " + weights.length + " and " + normalizations.size());
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).scores() == null) {
        throw new IllegalArgumentException("input " + (i + 1) + " has no scores to weigh");
      }
    }
    return fuse(inputs, (input, position) -> weights[input]
        * normalizations.get(input).normalize(inputs.get(input).scores()[position]));
  }

  private interface Contribution {
    double of(int input, int position);
  }

  private static List<Fused> fuse(List<Input> inputs, Contribution contribution) {
    Map<Object, Integer[]> ranks = new HashMap<>();
    Map<Object, Double> scores = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      List<?> keys = inputs.get(i).keys();
      for (int position = 0; position < keys.size(); position++) {
        Object key = Objects.requireNonNull(keys.get(position), "a fused key is null");
        Integer[] r = ranks.computeIfAbsent(key, x -> new Integer[inputs.size()]);
        if (r[i] != null) {
          continue;
        }
        r[i] = position + 1;
        scores.merge(key, contribution.of(i, position), Double::sum);
      }
    }
    List<Fused> out = new ArrayList<>(scores.size());
    for (Map.Entry<Object, Double> e : scores.entrySet()) {
      out.add(new Fused(e.getKey(), e.getValue(), ranks.get(e.getKey())));
    }
    out.sort(Comparator.comparingDouble(Fused::score).reversed()
        .thenComparing(Fused::key, Fusion::compareKeys));
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Object a, Object b) {
    if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
      return ca.compareTo(b);
    }
    throw new IllegalArgumentException("keys " + a + " and " + b + " cannot be ordered");
  }
}
