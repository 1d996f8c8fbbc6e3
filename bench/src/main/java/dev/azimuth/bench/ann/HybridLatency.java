package dev.azimuth.bench.ann;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Latency of hybrid statements on one client thread through prepared statements with
 * {@code ?} parameters: each input alone (vector search, BM25 search, filtered vector search),
 * the three-input RRF, and the statement joined back to the table. Each statement gets
 * a warm-up pass over the queries and then its timed passes ({@link SearchPass}).
 */
final class HybridLatency {
  /** One timed statement: its text and which query values it binds, in order. */
  record Statement(String what, String sql, List<Bind> binds) {
    Statement {
      requireNonNull(what, "what");
      requireNonNull(sql, "sql");
      binds = List.copyOf(binds);
    }
  }

  /** A parameter's value: the query's embedding or its words. */
  enum Bind {
    /** {@code setObject(i, float[])}. */
    VECTOR,
    /** {@code setString(i, words)}. */
    WORDS
  }

  private final Connection connection;
  private final Report report;

  HybridLatency(Connection connection, Report report) {
    this.connection = requireNonNull(connection, "connection");
    this.report = requireNonNull(report, "report");
  }

  /** The statements timed, for inputs of {@code depth} rows and a filter {@code r < below}. */
  static List<Statement> statements(int depth, int below) {
    String vector = HybridQuality.vectorInput(depth);
    String text = HybridQuality.textInput(depth);
    String filtered = "SELECT id FROM docs WHERE r < " + below
        + " ORDER BY embedding <=> ? LIMIT " + depth;
    String three = "RRF(CURSOR(" + vector + "), CURSOR(" + text + "), CURSOR(" + filtered
        + "), 60)";
    List<Bind> threeBinds = List.of(Bind.VECTOR, Bind.WORDS, Bind.WORDS, Bind.VECTOR);
    return List.of(
        new Statement("vector search alone", vector, List.of(Bind.VECTOR)),
        new Statement("BM25 search alone", text, List.of(Bind.WORDS, Bind.WORDS)),
        new Statement("filtered vector search alone (`r < " + below + "`)", filtered,
            List.of(Bind.VECTOR)),
        new Statement("RRF of the three", "SELECT id, score FROM TABLE(" + three
            + ") f ORDER BY f.score DESC LIMIT 10", threeBinds),
        new Statement("RRF of the three, joined back to the table", "SELECT d.id, d.title, "
            + "f.score FROM TABLE(" + three + ") f JOIN docs d ON d.id = f.id "
            + "ORDER BY f.score DESC LIMIT 10", threeBinds),
        new Statement("the issue's statement (RRF of vector and BM25, joined back)",
            "SELECT d.id, d.title, f.score FROM TABLE(RRF(CURSOR(SELECT id FROM docs ORDER BY "
                + "embedding <=> ? LIMIT 100), CURSOR(SELECT id FROM docs WHERE TEXT_MATCH(body, "
                + "?) ORDER BY BM25(body, ?) DESC LIMIT 100), 60)) f JOIN docs d ON d.id = f.id "
                + "ORDER BY f.score DESC LIMIT 10",
            List.of(Bind.VECTOR, Bind.WORDS, Bind.WORDS)));
  }

  /** Times each statement over the queries; returns the table of QPS and p50/p99. */
  MarkdownTable measure(List<Statement> statements, List<HybridCorpus.Query> queries,
      boolean warmup, int timedPasses) throws SQLException {
    MarkdownTable table = new MarkdownTable("statement", "QPS", "p50 ms", "p99 ms",
        "mean rows", "queries", "load avg after");
    for (Statement s : statements) {
      try (PreparedStatement ps = connection.prepareStatement(s.sql())) {
        long[] rows = {0};
        SearchPass.Result r = SearchPass.run(queries.size(), warmup, timedPasses, q -> {
          HybridCorpus.Query query = queries.get(q);
          for (int i = 0; i < s.binds().size(); i++) {
            if (s.binds().get(i) == Bind.VECTOR) {
              ps.setObject(i + 1, query.vector());
            } else {
              ps.setString(i + 1, query.words());
            }
          }
          List<Integer> ids = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(Math.toIntExact(rs.getLong(1)));
            }
          }
          rows[0] += ids.size();
          return ids.stream().mapToInt(Integer::intValue).toArray();
        });
        int passes = (warmup ? 1 : 0) + Math.max(1, timedPasses);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        table.row(s.what(), SearchPass.fmt(r.qps(), 1), SearchPass.fmt(r.percentileMillis(50), 2),
            SearchPass.fmt(r.percentileMillis(99), 2),
            SearchPass.fmt(rows[0] / (double) (passes * queries.size()), 1), queries.size(),
            SearchPass.fmt(load, 2));
        System.err.printf("  %s: %.1f QPS, p50 %.2f ms%n", s.what(), r.qps(),
            r.percentileMillis(50));
      }
    }
    report.table(table);
    return table;
  }
}
