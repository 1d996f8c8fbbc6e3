package dev.azimuth.bench.ann;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Mode {@code fusion}: hybrid search through JDBC, with a fusion's inputs run concurrently and
 * one after the other ({@code SET fusion_parallel}), for one client and for several at once;
 * also each input alone, and the fusion joined back to the table.
 */
@Command(name = "fusion", mixinStandardHelpOptions = true,
    description = "RRF of two ranked inputs (an index search and a filtered search; two index "
        + "searches; top --depth each) through JDBC: latency and QPS with the inputs run "
        + "concurrently and sequentially (passes alternating), for 1 client and --clients "
        + "clients; each input alone; the fusion joined back to the table. Checks that both "
        + "ways return the same rows.")
final class FusionCommand extends ModeCommand {
  @Mixin
  Options.Data data;

  @Mixin
  Options.Index index;

  @Option(names = "--depth", paramLabel = "K",
      description = "Each input's LIMIT (default: ${DEFAULT-VALUE}).")
  int depth = 100;

  @Option(names = "--ef", paramLabel = "N",
      description = "ef_search of the index searches (default: ${DEFAULT-VALUE}).")
  int ef = 40;

  @Option(names = "--clients", paramLabel = "N",
      description = "Client threads of the concurrent pass (default: ${DEFAULT-VALUE}).")
  int clients = 2;

  @Option(names = "--reload", description = "Drop and reload the table even if complete.")
  boolean reload;

  private int queryCount;

  @Override
  String title() {
    return "fusion: " + data.set.name().toLowerCase(Locale.ROOT);
  }

  @Override
  void run(Report report) throws Exception {
    BenchData d = data.load(common, 500);
    queryCount = d.queries().count();
    SqlBenchmark.Settings settings = new SqlBenchmark.Settings(dbDir(d), index.spec(),
        List.of(ef), SqlBenchmark.EfVia.SET, reload, !common.noWarmup, common.timedPasses,
        7200);
    SqlBenchmark setup = new SqlBenchmark(d, settings, report);
    String op = d.distance().operator();
    String filter = d.hasLabels() ? "label = ?" : "r < 100";
    String vector = "SELECT id FROM " + d.table() + " ORDER BY embedding " + op + " ? LIMIT "
        + depth;
    String filtered = "SELECT id FROM " + d.table() + " WHERE " + filter
        + " ORDER BY embedding " + op + " ? LIMIT " + depth;
    String fused = "SELECT id, score FROM TABLE(RRF(CURSOR(" + vector + "), CURSOR(" + filtered
        + "), 60)) LIMIT 10";
    String joined = "SELECT t.id, t.label, f.score FROM TABLE(RRF(CURSOR(" + vector
        + "), CURSOR(" + filtered + "), 60)) f JOIN " + d.table() + " t ON t.id = f.id "
        + "ORDER BY f.score DESC LIMIT 10";
    try (AzimuthDb db = AzimuthDb.open(settings.dbDir(), new Properties())) {
      setup.prepareTable(db);
      setup.buildIndex(db);
      db.setEfSearch(ef);
      report.add("Inputs: `" + vector + "` and `" + filtered + "`" + (d.hasLabels()
          ? " (the query's own label, 10% of the rows)" : " (10% of the rows)")
          + "; `ef_search` " + ef + ".\n");
      report.code(db.explain(joined, binds(d, 0)));
      MarkdownTable table = new MarkdownTable("statement", "fusion_parallel", "clients", "QPS",
          "p50 ms", "p99 ms", "queries");
      Binder vectorOnly = (ps, q) -> ps.setObject(1, d.queries().vector(q));
      Binder filteredOnly = (ps, q) -> {
        Object[] b = binds(d, q);
        ps.setObject(1, b[1]);
        ps.setObject(2, b[2]);
      };
      Binder both = (ps, q) -> {
        Object[] b = binds(d, q);
        for (int i = 0; i < b.length; i++) {
          ps.setObject(i + 1, b[i]);
        }
      };
      String twoVectors = "SELECT id, score FROM TABLE(RRF(CURSOR(" + vector + "), CURSOR("
          + vector + "), 60)) LIMIT 10";
      Binder twoQueries = (ps, q) -> {
        ps.setObject(1, d.queries().vector(q));
        ps.setObject(2, d.queries().vector((q + 1) % queryCount));
      };
      row(table, "vector input alone", "-", 1, measure(db, vector, vectorOnly, 1, "auto")[0]);
      row(table, "filtered input alone", "-", 1,
          measure(db, filtered, filteredOnly, 1, "auto")[0]);
      int differ = 0;
      for (int clientCount : new int[] {1, clients}) {
        Measured[] fusedRuns = measure(db, fused, both, clientCount, SETTINGS);
        Measured[] vectorRuns = measure(db, twoVectors, twoQueries, clientCount, SETTINGS);
        for (int i = 0; i < SETTINGS.length; i++) {
          row(table, "RRF(vector, filtered)", SETTINGS[i], clientCount, fusedRuns[i]);
        }
        for (int i = 0; i < SETTINGS.length; i++) {
          row(table, "RRF(vector, vector of the next query)", SETTINGS[i], clientCount,
              vectorRuns[i]);
        }
        differ += differing(fusedRuns) + differing(vectorRuns);
      }
      row(table, "RRF(vector, filtered) joined back to the table", "auto", 1,
          measure(db, joined, both, 1, "auto")[0]);
      report.table(table);
      report.add("Passes alternate between the settings (false, true, auto); each row is the "
          + "fastest of its timed passes. System load average at the end: "
          + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
              .getSystemLoadAverage()
          + ". Queries whose fused ids differ between the settings: " + differ + ".\n");
    }
  }

  /** The fused statement's parameters for query {@code q}: vector, [label,] vector. */
  private static Object[] binds(BenchData d, int q) {
    float[] v = d.queries().vector(q);
    return d.hasLabels() ? new Object[] {v, d.queryLabels()[q], v} : new Object[] {v, v};
  }

  /** Binds query {@code q}'s parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps, int q) throws SQLException;
  }

  /** A timed run: each query's ids, QPS over the wall time, and latencies. */
  private record Measured(int[][] ids, double qps, long[] latencyNanos) {
    double percentileMillis(double p) {
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
  }

  private static final String[] SETTINGS = {"false", "true", "auto"};

  private void row(MarkdownTable table, String what, String parallel, int clientCount,
      Measured m) {
    table.row(what, parallel, clientCount, SearchPass.fmt(m.qps(), 1),
        SearchPass.fmt(m.percentileMillis(50), 2), SearchPass.fmt(m.percentileMillis(99), 2),
        m.ids().length);
    System.err.printf(Locale.ROOT, "  %s, parallel %s, %d client(s): %.1f QPS%n", what,
        parallel, clientCount, m.qps());
  }

  /** Queries whose ids differ between the first setting's run and any other's. */
  private static int differing(Measured[] runs) {
    int differ = 0;
    for (int q = 0; q < runs[0].ids().length; q++) {
      for (int i = 1; i < runs.length; i++) {
        if (!Arrays.equals(runs[0].ids()[q], runs[i].ids()[q])) {
          differ++;
          break;
        }
      }
    }
    return differ;
  }

  /**
   * Runs every query over {@code clientCount} connections (query q on client q mod n) with
   * each of the given {@code fusion_parallel} settings, alternating between them pass by pass
   * (a warm-up pass each unless disabled); per setting, the fastest timed pass.
   */
  private Measured[] measure(AzimuthDb db, String sql, Binder binder, int clientCount,
      String... parallelInputs) throws Exception {
    Measured[] best = new Measured[parallelInputs.length];
    int passes = (common.noWarmup ? 0 : 1) + Math.max(1, common.timedPasses);
    for (int pass = 0; pass < passes; pass++) {
      for (int i = 0; i < parallelInputs.length; i++) {
        Measured m = pass(db, sql, binder, clientCount, parallelInputs[i], queryCount);
        if (pass == 0 && !common.noWarmup) {
          continue;
        }
        if (best[i] == null || m.qps() > best[i].qps()) {
          best[i] = m;
        }
      }
    }
    return best;
  }

  private Measured pass(AzimuthDb db, String sql, Binder binder, int clientCount,
      String parallelInputs, int n) throws Exception {
    int[][] ids = new int[n][];
    long[] latency = new long[n];
    ExecutorService pool = Executors.newFixedThreadPool(clientCount);
    List<Connection> connections = new ArrayList<>();
    try {
      for (int c = 0; c < clientCount; c++) {
        Connection connection = DriverManager.getConnection(AzimuthDb.url(db.dir()));
        connections.add(connection);
        try (Statement s = connection.createStatement()) {
          s.execute("SET ef_search = " + ef);
          s.execute("SET fusion_parallel = " + parallelInputs);
        }
      }
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clientCount; c++) {
        Connection connection = connections.get(c);
        int client = c;
        running.add(pool.submit(() -> {
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int q = client; q < n; q += clientCount) {
              long t = System.nanoTime();
              binder.bind(ps, q);
              try (ResultSet rs = ps.executeQuery()) {
                ids[q] = AzimuthDb.ids(rs, 10);
              }
              latency[q] = System.nanoTime() - t;
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      return new Measured(ids, n / ((System.nanoTime() - start) / 1e9), latency);
    } finally {
      pool.shutdownNow();
      for (Connection c : connections) {
        c.close();
      }
    }
  }
}
