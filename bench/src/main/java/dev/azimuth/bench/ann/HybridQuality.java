package dev.azimuth.bench.ann;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Retrieval quality of one labelled query set through SQL: the vector search and the BM25
 * search alone (each the very statement the fusions take as input, top {@code depth}, scored on
 * its first 10), RRF of both, and weighted fusion of both per weighting; recall@10, nDCG@10 and
 * MRR@10 ({@link RankMetrics}). Each fused top 10 is also checked against {@link
 * ReferenceFusion} over the same two lists. Not thread-safe.
 */
final class HybridQuality {
  /** Quality is judged on the first this many rows. */
  static final int K = 10;

  /**
   * What to evaluate.
   *
   * @param depth each input's LIMIT
   * @param rrfK RRF's k
   * @param weightings weights (vector, BM25) of the weighted fusions, one pair each
   */
  record Settings(int depth, int rrfK, List<double[]> weightings) {
    Settings {
      weightings = List.copyOf(weightings);
    }
  }

  /** The outcome for one query set and analyzer. */
  record Outcome(Map<String, RankMetrics.Mean> means, Diagnostics diagnostics) {}

  /**
   * Why the fusions come out as they do.
   *
   * @param vectorWindow mean share of the relevant ids within the vector input's top depth
   * @param textWindow the same for the BM25 input
   * @param unionWindow the same for the union of both (what any fusion of them can reach)
   * @param emptyText queries whose BM25 input returned no row (no query term in any document)
   * @param mismatches per fusion, queries whose engine top 10 differs from {@link
   *     ReferenceFusion}'s
   * @param roundings per fusion, queries whose engine top 10 has the reference's rows but a
   *     score off by float32 rounding ({@link ReferenceFusion.Agreement#ROUNDING})
   * @param inputs the two input lists of each query, for {@link #rrfGrid}
   */
  record Diagnostics(double vectorWindow, double textWindow, double unionWindow, int emptyText,
      Map<String, Integer> mismatches, Map<String, Integer> roundings,
      List<ReferenceFusion.Ranked[]> inputs) {}

  /** The vector input: cosine distance, nearest first, through the HNSW index. */
  static String vectorInput(int depth) {
    return "SELECT id FROM docs ORDER BY embedding <=> ? LIMIT " + depth;
  }

  /** The BM25 input: rows with a query term, best BM25 first, through the FULLTEXT index. */
  static String textInput(int depth) {
    return "SELECT id FROM docs WHERE TEXT_MATCH(body, ?) ORDER BY BM25(body, ?) DESC LIMIT "
        + depth;
  }

  private final Connection connection;
  private final Settings settings;

  HybridQuality(Connection connection, Settings settings) {
    this.connection = requireNonNull(connection, "connection");
    this.settings = requireNonNull(settings, "settings");
  }

  /** The retrievers' names, in report order. */
  List<String> retrievers() {
    List<String> names = new ArrayList<>(List.of("vector only", "BM25 only",
        "RRF (k = " + settings.rrfK() + ")"));
    for (double[] w : settings.weightings()) {
      names.add(weightedName(w));
    }
    return names;
  }

  /** The fused statements, by retriever name (for the report). */
  Map<String, String> fusedStatements() {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> names = retrievers();
    out.put(names.get(2), rrf());
    for (int i = 0; i < settings.weightings().size(); i++) {
      out.put(names.get(3 + i), weighted(settings.weightings().get(i)));
    }
    return out;
  }

  /** Runs every query of the set through every retriever. */
  Outcome evaluate(HybridCorpus corpus) throws SQLException {
    int depth = settings.depth();
    List<String> names = retrievers();
    Map<String, RankMetrics.Mean> means = new LinkedHashMap<>();
    Map<String, Integer> mismatches = new LinkedHashMap<>();
    for (String name : names) {
      means.put(name, new RankMetrics.Mean(K));
    }
    Map<String, Integer> roundings = new LinkedHashMap<>();
    for (String name : names.subList(2, names.size())) {
      mismatches.put(name, 0);
      roundings.put(name, 0);
    }
    List<PreparedStatement> fused = new ArrayList<>();
    double vectorWindow = 0;
    double textWindow = 0;
    double unionWindow = 0;
    int emptyText = 0;
    List<ReferenceFusion.Ranked[]> inputs = new ArrayList<>();
    try (PreparedStatement vector = connection.prepareStatement(
            "SELECT id, embedding <=> ? AS d FROM docs ORDER BY d LIMIT " + depth);
        PreparedStatement text = connection.prepareStatement("SELECT id, BM25(body, ?) AS s "
            + "FROM docs WHERE TEXT_MATCH(body, ?) ORDER BY s DESC LIMIT " + depth)) {
      for (String sql : fusedStatements().values()) {
        fused.add(connection.prepareStatement(sql));
      }
      for (HybridCorpus.Query q : corpus.labelled()) {
        vector.setObject(1, q.vector());
        ReferenceFusion.Ranked v = ranked(vector);
        text.setString(1, q.words());
        text.setString(2, q.words());
        ReferenceFusion.Ranked t = ranked(text);
        inputs.add(new ReferenceFusion.Ranked[] {v, t});
        Set<Integer> relevant = q.relevant();
        means.get(names.get(0)).add(v.ids(), relevant);
        means.get(names.get(1)).add(t.ids(), relevant);
        emptyText += t.ids().length == 0 ? 1 : 0;
        vectorWindow += RankMetrics.recall(v.ids(), relevant, depth);
        textWindow += RankMetrics.recall(t.ids(), relevant, depth);
        unionWindow += RankMetrics.recall(union(v.ids(), t.ids()), relevant, 2 * depth);
        for (int f = 0; f < fused.size(); f++) {
          PreparedStatement ps = fused.get(f);
          ps.setObject(1, q.vector());
          ps.setString(2, q.words());
          ps.setString(3, q.words());
          ReferenceFusion.Ranked got = ranked(ps);
          String name = names.get(2 + f);
          means.get(name).add(got.ids(), relevant);
          List<ReferenceFusion.Fused> expected = f == 0
              ? ReferenceFusion.rrf(List.of(v, t), settings.rrfK())
              : ReferenceFusion.weighted(List.of(v, t), settings.weightings().get(f - 1),
                  List.of(ReferenceFusion.COSINE, ReferenceFusion.BM25));
          ReferenceFusion.Agreement agreement =
              ReferenceFusion.compare(expected, K, got.ids(), got.scores());
          if (agreement == ReferenceFusion.Agreement.ROUNDING) {
            roundings.merge(name, 1, Integer::sum);
          }
          if (agreement == ReferenceFusion.Agreement.DIFFERENT) {
            mismatches.merge(name, 1, Integer::sum);
          }
          if (agreement != ReferenceFusion.Agreement.EXACT
              && mismatches.get(name) + roundings.get(name) <= 3) {
            System.err.printf(Locale.ROOT, "  %s, query %d, %s: engine %s %s, reference %s%n",
                name, q.id(), agreement, Arrays.toString(got.ids()),
                Arrays.toString(got.scores()), expected.subList(0, Math.min(K, expected.size())));
          }
        }
      }
    } finally {
      for (PreparedStatement ps : fused) {
        ps.close();
      }
    }
    int n = corpus.labelled().size();
    return new Outcome(means, new Diagnostics(vectorWindow / n, textWindow / n,
        unionWindow / n, emptyText, mismatches, roundings, inputs));
  }

  /**
   * RRF recomputed by {@link ReferenceFusion} from the same two input lists cut to
   * {@code depth} rows, with RRF's {@code k}: for the grid that explains a result, not a
   * figure measured through SQL.
   */
  static RankMetrics.Mean rrfGrid(HybridCorpus corpus, List<ReferenceFusion.Ranked[]> inputs,
      int depth, int k) {
    RankMetrics.Mean mean = new RankMetrics.Mean(K);
    List<HybridCorpus.Query> labelled = corpus.labelled();
    for (int i = 0; i < inputs.size(); i++) {
      List<ReferenceFusion.Ranked> cut = Arrays.stream(inputs.get(i))
          .map(r -> new ReferenceFusion.Ranked(
              Arrays.copyOf(r.ids(), Math.min(depth, r.ids().length)),
              Arrays.copyOf(r.scores(), Math.min(depth, r.scores().length))))
          .toList();
      mean.add(ReferenceFusion.top(ReferenceFusion.rrf(cut, k), K),
          labelled.get(i).relevant());
    }
    return mean;
  }

  private String rrf() {
    return "SELECT id, score FROM TABLE(RRF(CURSOR(" + vectorInput(settings.depth())
        + "), CURSOR(" + textInput(settings.depth()) + "), " + settings.rrfK()
        + ")) f ORDER BY f.score DESC, f.id LIMIT " + K;
  }

  private String weighted(double[] w) {
    return "SELECT id, score FROM TABLE(WEIGHTED_FUSION(CURSOR(" + vectorInput(settings.depth())
        + "), CURSOR(" + textInput(settings.depth()) + "), ARRAY[" + Arrays.stream(w)
            .mapToObj(x -> String.format(Locale.ROOT, "%s", x))
            .collect(Collectors.joining(", ")) + "])) f ORDER BY f.score DESC, f.id LIMIT " + K;
  }

  /** The name of a weighted fusion, e.g. {@code weighted 0.5 / 0.5}. */
  static String weightedName(double[] w) {
    return "weighted " + Arrays.stream(w).mapToObj(x -> String.format(Locale.ROOT, "%s", x))
        .collect(Collectors.joining(" / "));
  }

  /** Reads (id, score) rows. */
  private static ReferenceFusion.Ranked ranked(PreparedStatement ps) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(Math.toIntExact(rs.getLong(1)));
        scores.add(rs.getDouble(2));
      }
    }
    return new ReferenceFusion.Ranked(ids.stream().mapToInt(Integer::intValue).toArray(),
        scores.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static int[] union(int[] a, int[] b) {
    Set<Integer> seen = new HashSet<>();
    List<Integer> out = new ArrayList<>();
    for (int[] list : new int[][] {a, b}) {
      for (int id : list) {
        if (seen.add(id)) {
          out.add(id);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
