package dev.azimuth.bench.ann;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azimuth through JDBC: load the table (or reuse it), optionally build the index (time and
 * memory), then for each filter and each {@code ef_search} a plan, a warm-up and a timed pass of
 * prepared top-k statements, scored with {@link Recall}.
 */
final class SqlBenchmark {
  /** How {@code ef_search} reaches the engine. */
  enum EfVia {
    /** {@code SET ef_search = n} on the one connection. */
    SET,
    /** A new connection per value, with connection property {@code ef_search}. */
    PROPERTY
  }

  /**
   * What to run.
   *
   * @param efs the ef_search values; empty means one pass with whatever the engine defaults to
   * @param reload drop and reload the table even when it holds every row
   * @param timedPasses timed passes per configuration; the fastest is reported
   * @param readyTimeoutSeconds how long to wait for the index to be READY after CREATE INDEX
   */
  record Settings(Path dbDir, IndexSpec index, List<Integer> efs, EfVia efVia, boolean reload,
      boolean warmup, int timedPasses, long readyTimeoutSeconds) {
    Settings {
      requireNonNull(dbDir, "dbDir");
      requireNonNull(index, "index");
      efs = List.copyOf(efs);
      requireNonNull(efVia, "efVia");
    }
  }

  private static final Pattern STRATEGY = Pattern.compile("strategy=\\[([^\\]]*)\\]");

  private final BenchData data;
  private final Settings settings;
  private final Report report;
  private String lastPlan;

  SqlBenchmark(BenchData data, Settings settings, Report report) {
    this.data = requireNonNull(data, "data");
    this.settings = requireNonNull(settings, "settings");
    this.report = requireNonNull(report, "report");
  }

  /** Loads, indexes, then sweeps {@code filters} × ef values; {@code truth} per filter. */
  void run(List<Filter> filters, Function<Filter, int[][]> truth) throws SQLException {
    try (AzimuthDb db = AzimuthDb.open(settings.dbDir(), new Properties())) {
      prepareTable(db);
      buildIndex(db);
      if (!filters.isEmpty()) {
        sweep(db, filters, truth);
      }
    }
  }

  /** Reuses a complete table, else (re)loads it and reports rows per second. */
  void prepareTable(AzimuthDb db) throws SQLException {
    String table = data.table();
    int rows = data.base().count();
    report.add("Database `" + AzimuthDb.url(settings.dbDir()) + "`, table `" + table + "` ("
        + rows + " × " + data.base().dimension() + ", " + data.distance() + ").\n");
    if (db.tableExists(table)) {
      long present = db.count(table);
      if (present == rows && !settings.reload()) {
        report.add("Reused the existing table (" + present + " rows); nothing loaded.\n");
        return;
      }
      report.add("Dropping the existing table (" + present + " rows).\n");
      db.execute("DROP TABLE " + table);
    }
    long nanos = db.load(data);
    report.table(new MarkdownTable("load", "rows", "batch", "seconds", "rows/s")
        .row("INSERT prepared + addBatch/executeBatch, sync=false", rows, AzimuthDb.BATCH,
            SearchPass.fmt(nanos / 1e9, 1), SearchPass.fmt(rows / (nanos / 1e9), 0)));
  }

  /**
   * Creates the index (dropping one left by an earlier run), waits until {@code SYS.INDEXES}
   * shows every segment READY (in case CREATE INDEX returns before the graphs are built), and
   * reports both times, heap and RSS.
   */
  void buildIndex(AzimuthDb db) throws SQLException {
    int dim = data.base().dimension();
    report.add("Index: " + settings.index().describe(dim) + ".\n");
    long heapBefore = Machine.heapUsedAfterGc();
    long rssBefore = Machine.rssBytes();
    MarkdownTable memory = new MarkdownTable("measure", "value");
    if (settings.index().kind() != IndexSpec.Kind.NONE) {
      String name = IndexSpec.indexName(data.table());
      db.execute("DROP INDEX IF EXISTS " + name);
      String create = settings.index().createSql(data.table(), data.distance(), dim);
      report.code(create);
      long cpuStart = Machine.processCpuNanos();
      long start = System.nanoTime();
      db.execute(create);
      long created = System.nanoTime() - start;
      String ready = waitUntilReady(db, name, start);
      long cpu = Machine.processCpuNanos() - cpuStart;
      long heapAfter = Machine.heapUsedAfterGc();
      long rssAfter = Machine.rssBytes();
      memory.row("CREATE INDEX statement (wall)", SearchPass.fmt(created / 1e9, 1) + " s")
          .row("until SYS.INDEXES shows all READY", ready)
          .row("process CPU time until READY", cpuStart < 0 ? "n/a"
              : SearchPass.fmt(cpu / 1e9, 1) + " s")
          .row("heap used after GC, before CREATE INDEX", Machine.mib(heapBefore))
          .row("heap used after GC, after the build", Machine.mib(heapAfter))
          .row("heap growth per vector", SearchPass.fmt(
              (heapAfter - heapBefore) / (double) data.base().count(), 1) + " B")
          .row("RSS before CREATE INDEX", Machine.mib(rssBefore))
          .row("RSS after the build", Machine.mib(rssAfter))
          .row("RSS growth per vector", SearchPass.fmt(
              (rssAfter - rssBefore) / (double) data.base().count(), 1) + " B");
    } else {
      memory.row("heap used after GC", Machine.mib(heapBefore))
          .row("RSS", Machine.mib(rssBefore));
    }
    memory.row("peak RSS so far (VmHWM)", Machine.mib(Machine.peakRssBytes()));
    report.table(memory);
    describeStorage(db);
  }

  /**
   * Polls {@code SYS.INDEXES} until no segment of the index is BUILDING or PENDING; returns the
   * time since {@code start} as text, or why it could not tell.
   */
  private String waitUntilReady(AzimuthDb db, String index, long start) throws SQLException {
    long deadline = start + settings.readyTimeoutSeconds() * 1_000_000_000L;
    Map<String, Integer> states;
    try {
      states = db.indexStates(index);
    } catch (SQLException e) {
      // An engine without SYS.INDEXES: CREATE INDEX's own time is all there is.
      return "n/a (SYS.INDEXES not readable: " + e.getMessage() + ")";
    }
    while (states.keySet().stream().anyMatch(s -> !s.equals("READY"))) {
      if (states.containsKey("FAILED")) {
        throw new SQLException("index " + index + " FAILED in SYS.INDEXES: " + states);
      }
      if (System.nanoTime() > deadline) {
        return "timed out after " + settings.readyTimeoutSeconds() + " s: " + states;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted: " + states;
      }
      states = db.indexStates(index);
    }
    return SearchPass.fmt((System.nanoTime() - start) / 1e9, 1) + " s " + states;
  }

  /** Prints SYS.SEGMENTS and SYS.INDEXES rows of the table, if the engine has them. */
  private void describeStorage(AzimuthDb db) {
    String table = data.table().toUpperCase(Locale.ROOT);
    try {
      report.add("`SYS.SEGMENTS` / `SYS.INDEXES` for " + table + ":\n");
      report.table(db.table("SELECT * FROM SYS.SEGMENTS WHERE TABLE_NAME = '" + table + "'"));
      report.table(db.table("SELECT INDEX_NAME, INDEX_TYPE, SEGMENT, STATE, INDEXED_VECTORS, "
          + "TOTAL_VECTORS, MEMORY_BYTES, MEMORY_BYTES / NULLIF(INDEXED_VECTORS, 0) AS "
          + "BYTES_PER_VECTOR FROM SYS.INDEXES WHERE TABLE_NAME = '" + table + "'"));
    } catch (SQLException e) {
      // Diagnostics only: an engine without these system tables is still measured.
      report.add("(system tables not readable: " + e.getMessage() + ")\n");
    }
  }

  private void sweep(AzimuthDb db, List<Filter> filters, Function<Filter, int[][]> truth)
      throws SQLException {
    MarkdownTable table = new MarkdownTable("filter", "share", "ef_search", "plan", "recall@10",
        "QPS", "QPS by CPU", "p50 ms", "p99 ms", "<10 rows", "wrong rows", "queries");
    List<Integer> efs = settings.efs().isEmpty() ? Collections.singletonList(null)
        : settings.efs();
    for (Filter filter : filters) {
      int[][] want = truth.apply(filter);
      String share = filter == Filter.NONE ? "100%"
          : SearchPass.fmt(100 * filter.actualShare(data), 2) + "%";
      for (Integer ef : efs) {
        Measured m = measure(db, filter, ef);
        SearchPass.Result result = m.result();
        Recall.Summary r = Recall.score(data, DataSets.K, result.ids(), want, filter);
        String where = filter.where() == null ? "-" : "`" + filter.where() + "`";
        table.row(where, share, ef == null ? "default" : ef, m.strategy(),
            SearchPass.fmt(r.recall(), 4),
            SearchPass.fmt(result.qps(), 1), SearchPass.fmt(result.cpuQps(), 1),
            SearchPass.fmt(result.percentileMillis(50), 2),
            SearchPass.fmt(result.percentileMillis(99), 2), r.shortResults(), r.disqualified(),
            r.queries());
        System.err.printf("  %s ef=%s: recall %.4f, %.1f QPS, %.1f by CPU%n", filter, ef,
            r.recall(), result.qps(), result.cpuQps());
      }
    }
    report.table(table);
  }

  /** A timed pass and the search strategy its plan named. */
  private record Measured(SearchPass.Result result, String strategy) {}

  private Measured measure(AzimuthDb db, Filter filter, Integer ef) throws SQLException {
    if (ef != null && settings.efVia() == EfVia.PROPERTY) {
      Properties p = new Properties();
      p.setProperty("ef_search", Integer.toString(ef));
      try (AzimuthDb tuned = AzimuthDb.open(settings.dbDir(), p)) {
        return measureOn(tuned, filter, ef);
      }
    }
    if (ef != null) {
      db.setEfSearch(ef);
    }
    return measureOn(db, filter, ef);
  }

  private Measured measureOn(AzimuthDb db, Filter filter, Integer ef)
      throws SQLException {
    String sql = query(data, filter, DataSets.K);
    Object[] first = filter.bindsLabel()
        ? new Object[] {data.queryLabels()[0], data.queries().vector(0)}
        : new Object[] {data.queries().vector(0)};
    String plan = db.explain(sql, first);
    // Print a plan once: later ef values usually change only its ef_search=[n].
    String shape = plan.replaceAll("ef_search=\\[\\d+\\]", "ef_search=[n]");
    if (!shape.equals(lastPlan)) {
      report.add("Plan for `" + sql + "`" + (ef == null ? "" : " at ef_search = " + ef)
          + " (printed again only if more than its ef_search changes):\n");
      report.code(plan);
      lastPlan = shape;
    }
    int n = data.queries().count();
    try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
      return new Measured(SearchPass.run(n, settings.warmup(), settings.timedPasses(), q -> {
        int p = 1;
        if (filter.bindsLabel()) {
          ps.setInt(p++, data.queryLabels()[q]);
        }
        ps.setObject(p, data.queries().vector(q));
        try (ResultSet rs = ps.executeQuery()) {
          return AzimuthDb.ids(rs, DataSets.K);
        }
      }), strategy(plan));
    }
  }

  /** The {@code strategy=[...]} of the plan's vector search, or {@code ?} if it has none. */
  static String strategy(String plan) {
    Matcher m = STRATEGY.matcher(plan);
    return m.find() ? m.group(1) : "?";
  }

  /** {@code SELECT id FROM t [WHERE ...] ORDER BY embedding <op> ? LIMIT k}. */
  static String query(BenchData data, Filter filter, int k) {
    return "SELECT id FROM " + data.table()
        + (filter.where() == null ? "" : " WHERE " + filter.where())
        + " ORDER BY embedding " + data.distance().operator() + " ? LIMIT " + k;
  }
}
