package dev.azimuth.bench.tx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
 * The time to write {@code rows} rows of 128 dimensions durably, embedded: as one transaction
 * (inserts into the transaction, then one commit) against auto-commit, where the same rows go
 * in as one multi-row batch ({@code executeBatch}, one atomic write). Each invocation writes new
 * keys into a table on disk, fsynced unless {@code sync} is false. Scores are milliseconds per
 * invocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xms1g", "-Xmx1g"})
public class CommitBenchmark {
  /** Rows written per invocation. */
  @Param({"1", "1000"})
  public int rows;

  /** {@code transaction} (auto-commit off, commit()) or {@code autocommit}. */
  @Param({"transaction", "autocommit"})
  public String mode;

  /** Whether each commit fsyncs the log (the default for file databases). */
  @Param({"true", "false"})
  public boolean sync;

  private Path dir;
  private Connection connection;
  private PreparedStatement insert;
  private long nextKey;
  private float[] vector;

  @Setup(Level.Trial)
  public void open() throws IOException, SQLException {
    dir = Files.createTempDirectory("azimuth-commit-bench");
    connection = DriverManager.getConnection("jdbc:azimuth:file:" + dir + ";sync=" + sync);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER, v VECTOR(128))");
    }
    insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?, ?)");
    vector = new float[128];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = i * 0.01f;
    }
    connection.setAutoCommit(!mode.equals("transaction"));
  }

  @Benchmark
  public long write() throws SQLException {
    for (int i = 0; i < rows; i++) {
      insert.setLong(1, nextKey++);
      insert.setInt(2, i);
      insert.setObject(3, vector);
      if (rows == 1) {
        insert.executeUpdate();
      } else {
        insert.addBatch();
      }
    }
    if (rows > 1) {
      insert.executeBatch();
    }
    if (mode.equals("transaction")) {
      connection.commit();
    }
    return nextKey;
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException, IOException {
    connection.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
