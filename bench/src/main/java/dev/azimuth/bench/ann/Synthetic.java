package dev.azimuth.bench.ann;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded clustered data set: {@code clusters} centres with N(0, 1) components, and each row a
 * centre picked uniformly plus N(0, sigma²) noise per component. Row {@code i} depends only on
 * the seed and {@code i}, so a smaller set is a prefix of a larger one; queries come from the
 * same mixture through a separate stream and are never base rows. Label = cluster mod 10.
 */
final class Synthetic {
  private Synthetic() {}

  /** The generator's parameters. */
  record Spec(int rows, int dimension, int clusters, double sigma, long seed) {
    /** A name that identifies the generated data, used for its work folder. */
    String name() {
      return String.format(Locale.ROOT, "synthetic-%dx%d-c%d-s%s-seed%d", rows, dimension,
          clusters, Double.toString(sigma), seed);
    }

    /** Generates the rows and {@code queryCount} queries, with cached exact ground truth. */
    BenchData generate(Path work, int queryCount) {
      long start = System.nanoTime();
      float[] centres = new float[clusters * dimension];
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < centres.length; i++) {
        centres[i] = (float) random.nextGaussian();
      }
      int[] baseLabels = new int[rows];
      Vectors base = draw(centres, rows, 0, baseLabels);
      int q = Math.min(queryCount, 100_000);
      int[] queryLabels = new int[q];
      Vectors queries = draw(centres, q, 1L << 40, queryLabels);
      System.err.printf(Locale.ROOT, "generated %s in %.1f s%n", name(),
          (System.nanoTime() - start) / 1e9);
      Path truthFile = work.resolve(name()).resolve("truth-all-q" + q + ".ivecs");
      int[][] truth = ExactTruth.cached(truthFile, base, queries, Distance.L2, DataSets.K,
          query -> id -> true);
      DataSetName n = DataSetName.SYNTHETIC;
      return new BenchData(name(), n.table(), n.distance(), base, queries, truth, baseLabels,
          queryLabels);
    }

    /** The base rows alone (no queries, no ground truth), e.g. to write a file to load. */
    Vectors base() {
      float[] centres = new float[clusters * dimension];
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < centres.length; i++) {
        centres[i] = (float) random.nextGaussian();
      }
      return draw(centres, rows, 0, new int[rows]);
    }

    private Vectors draw(float[] centres, int count, long idOffset, int[] labels) {
      float[] data = new float[Math.multiplyExact(count, dimension)];
      IntStream.range(0, count).parallel().forEach(i -> {
        SplittableRandom r = new SplittableRandom(seed ^ mix(idOffset + i + 1));
        int cluster = r.nextInt(clusters);
        labels[i] = cluster % 10;
        int c = cluster * dimension;
        int o = i * dimension;
        for (int j = 0; j < dimension; j++) {
          data[o + j] = (float) (centres[c + j] + sigma * r.nextGaussian());
        }
      });
      return new Vectors(data, dimension, count);
    }
  }

  /** SplitMix64's finalizer: spreads consecutive ids over unrelated seeds. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
