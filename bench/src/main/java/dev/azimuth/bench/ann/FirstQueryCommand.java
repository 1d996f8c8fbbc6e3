package dev.azimuth.bench.ann;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mode {@code first-query}: the latency of ad-hoc top-k SQL that the engine has never seen (as
 * BI tools send it, fresh text with the vector as a literal), from the text to the first row,
 * in a JVM that has done nothing else. Needs a database prepared by {@code load} or {@code sql}.
 */
@Command(name = "first-query", mixinStandardHelpOptions = true,
    description = "In this fresh JVM: open the connection, then time Statement.executeQuery + "
        + "first next() for a never-seen top-10 with a literal vector, then for --statements "
        + "more, each with another vector (a few with another LIMIT or a WHERE). Run `load` "
        + "first.")
final class FirstQueryCommand extends ModeCommand {
  @Option(names = {"-s", "--set"}, paramLabel = "NAME",
      description = "fashion or wordnet (default: ${DEFAULT-VALUE}).")
  DataSetName set = DataSetName.FASHION;

  @Option(names = "--statements", paramLabel = "N",
      description = "Statements after the first one (default: ${DEFAULT-VALUE}).")
  int statements = 20;

  @Override
  String title() {
    return "first-query: " + set.name().toLowerCase(Locale.ROOT);
  }

  @Override
  String timing() {
    return "each statement once, in this JVM's first use of the engine; no warm-up.";
  }

  @Override
  void run(Report report) throws SQLException {
    int n = statements + 1;
    Vectors queries = DataSets.queries(set, common.data, n, "definition");
    int[] labels = DataSets.queryLabels(set, common.data, n);
    if (queries.count() < n) {
      throw new IllegalArgumentException("only " + queries.count() + " queries available");
    }
    Path db = common.work.resolve(set.folder()).resolve("db");
    if (!Files.isDirectory(db)) {
      throw new IllegalArgumentException("no database at " + db + "; run `load --set "
          + set.name().toLowerCase(Locale.ROOT) + "` first");
    }
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    long start = System.nanoTime();
    MarkdownTable each = new MarkdownTable("#", "statement", "ms to first row", "rows");
    double[] millis = new double[n];
    try (Connection c = DriverManager.getConnection(AzimuthDb.url(db))) {
      double connectMs = (System.nanoTime() - start) / 1e6;
      for (int i = 0; i < n; i++) {
        String shape = shape(i, labels == null ? -1 : labels[i]);
        String sql = sql(shape, set, queries.vector(i));
        long t = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
          boolean any = rs.next();
          millis[i] = (System.nanoTime() - t) / 1e6;
          int rows = any ? 1 : 0;
          while (rs.next()) {
            rows++;
          }
          each.row(i, "`" + shape + "`", SearchPass.fmt(millis[i], 1), rows);
        }
      }
      double[] rest = Arrays.copyOfRange(millis, 1, n);
      Arrays.sort(rest);
      double median = rest.length % 2 == 1 ? rest[rest.length / 2]
          : (rest[rest.length / 2 - 1] + rest[rest.length / 2]) / 2;
      report.add("Table `" + set.table() + "` in `" + db + "`; literal vectors of "
          + queries.dimension() + " numbers (query rows 0.." + (n - 1) + "). JVM uptime "
          + uptime + " ms before the connection was opened.\n");
      report.table(new MarkdownTable("measure", "ms")
          .row("open connection (engine start)", SearchPass.fmt(connectMs, 1))
          .row("first statement: text to first row", SearchPass.fmt(millis[0], 1))
          .row("next " + statements + ": median", SearchPass.fmt(median, 1))
          .row("next " + statements + ": max", SearchPass.fmt(rest[rest.length - 1], 1))
          .row("next " + statements + ": min", SearchPass.fmt(rest[0], 1)));
      report.table(each);
    }
  }

  /** The statement's form with {@code V} for the vector: mostly plain, a few variations. */
  private static String shape(int i, int label) {
    String base = "SELECT id FROM T";
    String order = " ORDER BY embedding OP V";
    return switch (i % 5 == 4 ? (i / 5) % 4 : -1) {
      case 0 -> base + order + " LIMIT 5";
      case 1 -> base + " WHERE r < 500" + order + " LIMIT 10";
      case 2 -> base + order + " LIMIT 20";
      case 3 -> base + (label >= 0 ? " WHERE label = " + label : " WHERE r < 100") + order
          + " LIMIT 10";
      default -> base + order + " LIMIT 10";
    };
  }

  private static String sql(String shape, DataSetName set, float[] vector) {
    return shape.replace("FROM T", "FROM " + set.table())
        .replace(" OP ", " " + set.distance().operator() + " ")
        .replace(" V", " '" + literal(vector) + "'");
  }

  /** {@code [1,0,12,...]}: whole numbers without a fraction, others as Java prints floats. */
  static String literal(float[] v) {
    StringBuilder out = new StringBuilder(v.length * 4).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      float x = v[i];
      if (x == Math.rint(x) && Math.abs(x) < 1e9f) {
        out.append((long) x);
      } else {
        out.append(x);
      }
    }
    return out.append(']').toString();
  }
}
