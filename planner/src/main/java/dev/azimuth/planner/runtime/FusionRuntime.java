package dev.azimuth.planner.runtime;

import dev.azimuth.planner.fusion.Fusion;
import dev.azimuth.planner.fusion.ScoreNormalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Hybrid search fusion for generated code: drains each ranked input (concurrently, see
 * {@link ParallelInputs}) into its keys and scores, best first, and fuses them with
 * {@link Fusion}. Stateless.
 */
public final class FusionRuntime {
  private FusionRuntime() {}

  /**
   * The fused rows, best first: key, score, then each input's rank (null where absent).
   *
   * @param inputs         rows of (key, score) in each input's order
   * @param k              RRF's constant (used when {@code weights} is null)
   * @param weights        one per input for weighted fusion, or null for RRF
   * @param normalizations per input, a {@link ScoreNormalization} name (weighted fusion)
   */
  public static Enumerable<Object[]> fuse(DataContext root, Enumerable<Object[]>[] inputs,
      int k, double @Nullable [] weights, @Nullable String[] normalizations) {
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object[]> enumerator() {
        ExecutionContext context = (ExecutionContext) root;
        List<List<Object[]>> ranked = ParallelInputs.drain(Arrays.asList(inputs), context);
        List<Fusion.Input> fusionInputs = new ArrayList<>();
        for (List<Object[]> rows : ranked) {
          fusionInputs.add(input(rows, weights != null));
        }
        List<Fusion.Fused> fused;
        if (weights == null) {
          fused = Fusion.rrf(fusionInputs, k);
        } else {
          List<ScoreNormalization> norms = new ArrayList<>();
          for (String n : normalizations) {
            norms.add(ScoreNormalization.valueOf(n));
          }
          fused = Fusion.weighted(fusionInputs, weights, norms);
        }
        List<Object[]> out = new ArrayList<>(fused.size());
        for (Fusion.Fused f : fused) {
          Object[] row = new Object[2 + inputs.length];
          row[0] = f.key();
          row[1] = f.score();
          System.arraycopy(f.ranks(), 0, row, 2, inputs.length);
          out.add(row);
        }
        return Linq4j.enumerator(out);
      }
    };
  }

  // A NULL score (a row whose vector is NULL) weighs nothing, as NaN does.
  private static Fusion.Input input(List<Object[]> rows, boolean scored) {
    List<Object> keys = new ArrayList<>(rows.size());
    double[] scores = scored ? new double[rows.size()] : null;
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      keys.add(row[0]);
      if (scored) {
        scores[i] = row[1] instanceof Number n ? n.doubleValue() : Double.NaN;
      }
    }
    return new Fusion.Input(keys, scores);
  }
}
