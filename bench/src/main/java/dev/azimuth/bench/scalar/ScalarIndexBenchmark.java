package dev.azimuth.bench.scalar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Queries over a table of {@code rows} rows {@code (id, cat INTEGER of 1,000 values, price
 * DOUBLE, v VECTOR(32))}, embedded, with BTREE indexes on {@code cat} and {@code (price, id)}
 * or without: a point predicate ({@code cat = ?}, about 0.1 % of the rows), a range ({@code
 * price BETWEEN ? AND ?}, about 0.1 %), a top-10 by price, and an exact vector top-10 filtered by
 * {@code cat = ?}. Parameters change every invocation. Scores are milliseconds per query.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xms2g", "-Xmx2g"})
public class ScalarIndexBenchmark {
  private static final int DIM = 32;

  @Param({"1000000"})
  public int rows;

  /** Whether the BTREE indexes exist. */
  @Param({"true", "false"})
  public boolean indexed;

  private Path dir;
  private Connection connection;
  private PreparedStatement point;
  private PreparedStatement range;
  private PreparedStatement top;
  private PreparedStatement filteredSearch;
  private final Random random = new Random(7);

  @Setup(Level.Trial)
  public void open() throws IOException, SQLException {
    dir = Files.createTempDirectory("azimuth-scalar-bench");
    connection = DriverManager.getConnection("jdbc:azimuth:file:" + dir + ";sync=false");
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, cat INTEGER, price DOUBLE, "
          + "v VECTOR(" + DIM + "))");
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO t VALUES (?, ?, ?, ?)")) {
      Random r = new Random(1);
      for (int i = 0; i < rows; i++) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
          v[d] = r.nextFloat();
        }
        insert.setLong(1, i);
        insert.setInt(2, r.nextInt(1000));
        insert.setDouble(3, r.nextDouble() * 1000);
        insert.setObject(4, v);
        insert.addBatch();
        if (i % 10_000 == 9_999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    if (indexed) {
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE INDEX t_cat ON t (cat)");
        s.execute("CREATE INDEX t_price_id ON t (price, id)");
      }
    }
    point = connection.prepareStatement("SELECT id, price FROM t WHERE cat = ?");
    range = connection.prepareStatement("SELECT id FROM t WHERE price BETWEEN ? AND ?");
    top = connection.prepareStatement("SELECT id, price FROM t ORDER BY price DESC LIMIT 10");
    filteredSearch = connection.prepareStatement(
        "SELECT id FROM t WHERE cat = ? ORDER BY v <-> ? LIMIT 10");
  }

  private static long drain(PreparedStatement statement) throws SQLException {
    long n = 0;
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        n += rs.getLong(1);
      }
    }
    return n;
  }

  @Benchmark
  public long pointPredicate() throws SQLException {
    point.setInt(1, random.nextInt(1000));
    return drain(point);
  }

  @Benchmark
  public long rangePredicate() throws SQLException {
    double low = random.nextDouble() * 999;
    range.setDouble(1, low);
    range.setDouble(2, low + 1);
    return drain(range);
  }

  @Benchmark
  public long orderByLimit() throws SQLException {
    return drain(top);
  }

  @Benchmark
  public long filteredVectorSearch() throws SQLException {
    float[] q = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      q[d] = random.nextFloat();
    }
    filteredSearch.setInt(1, random.nextInt(1000));
    filteredSearch.setObject(2, q);
    return drain(filteredSearch);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException, IOException {
    connection.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
