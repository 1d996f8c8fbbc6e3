package dev.azimuth.planner.fusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fusion of ranked inputs over one table's keys: Reciprocal Rank Fusion and weighted score
 * fusion. A key absent from an input contributes nothing from it; a key listed twice in one
 * input counts at its first (best) place; a null key is skipped (it keeps its place, so the
 * ranks of the keys after it are their positions in the input). Each key's contributions are
 * summed smallest first, so keys with the same contributions from different inputs get
 * exactly the same score. Results come best first, ties broken by key ascending, so the order
 * is deterministic. Stateless.
 */
public final class Fusion {
  private Fusion() {}

  /**
   * One ranked input: keys best first, with each key's score (may be null for RRF; a NaN
   * score, such as the cosine distance of a zero vector, contributes nothing).
   */
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
    return fuse(inputs, (input, position) -> {
      double score = inputs.get(input).scores()[position];
      return Double.isNaN(score) ? 0
          : weights[input] * normalizations.get(input).normalize(score);
    });
  }

  private interface Contribution {
    double of(int input, int position);
  }

  private static List<Fused> fuse(List<Input> inputs, Contribution contribution) {
    int n = inputs.size();
    Map<Object, Integer[]> ranks = new HashMap<>();
    Map<Object, double[]> parts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      List<?> keys = inputs.get(i).keys();
      for (int position = 0; position < keys.size(); position++) {
        Object key = keys.get(position);
        if (key == null) {
          continue;
        }
        Integer[] r = ranks.computeIfAbsent(key, x -> new Integer[n]);
        if (r[i] != null) {
          continue;
        }
        r[i] = position + 1;
        parts.computeIfAbsent(key, x -> new double[n])[i] = contribution.of(i, position);
      }
    }
    List<Fused> out = new ArrayList<>(parts.size());
    for (Map.Entry<Object, double[]> e : parts.entrySet()) {
      out.add(new Fused(e.getKey(), sum(e.getValue()), ranks.get(e.getKey())));
    }
    out.sort(Comparator.comparingDouble(Fused::score).reversed()
        .thenComparing(Fused::key, Fusion::compareKeys));
    return out;
  }

  // Floating-point addition is not associative: adding in a canonical order (smallest first,
  // also the more accurate) gives equal sums for equal sets of contributions, whatever inputs
  // they came from, so such keys tie exactly and their order falls to the key.
  private static double sum(double[] contributions) {
    double[] sorted = contributions.clone();
    Arrays.sort(sorted);
    double total = 0;
    for (double c : sorted) {
      total += c;
    }
    return total;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Object a, Object b) {
    if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
      return ca.compareTo(b);
    }
    throw new IllegalArgumentException("keys " + a + " and " + b + " cannot be ordered");
  }
}
