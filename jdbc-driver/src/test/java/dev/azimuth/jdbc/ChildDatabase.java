package dev.azimuth.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM using a database directory, for tests of what happens across processes. Modes:
 * {@code hold DIR} opens it, prints READY and waits for stdin to close; {@code insert DIR}
 * inserts rows one statement at a time, printing {@code ACK n} after each returns;
 * {@code index DIR} loads {@link #INDEX_ROWS} clustered vectors, prints BUILDING and runs a
 * CREATE INDEX long enough to be killed in the middle; {@code merge DIR} creates an indexed
 * table, inserts {@link #MERGE_ROWS} rows that seal ten segments, prints MERGING (the merge of
 * those ten has started in the background) and waits to be killed; {@code copy DIR} loads
 * {@code DIR/import/vectors.fvecs} with COPY (batches of {@link #COPY_BATCH} rows, segments of
 * 2,000), prints
 * {@code COPIED n} when it returns and waits to be killed; {@code transactions DIR} commits
 * transactions of several rows over two tables (each also deleting an older transaction's rows),
 * printing {@code COMMITTED t} after each commit returns; {@code uncommitted DIR} writes
 * {@link #UNCOMMITTED_ROWS} rows in a transaction, prints WRITTEN and waits to be killed without
 * committing.
 */
public final class ChildDatabase {
  static final int INDEX_ROWS = 30_000;
  static final int MERGE_ROWS = 20_000;
  static final String MERGE_PROPERTIES = ";sync=false;seal_rows=2000;merge_factor=10";
  static final int COPY_BATCH = 5_000;
  /** Each COPY batch: two segments written directly, 1,000 rows into the growing one. */
  static final String COPY_PROPERTIES = ";seal_rows=2000;merge_factor=100";

  static final int UNCOMMITTED_ROWS = 3_000;
  static final int ALTER_ROWS = 5_000;
  /** Transaction t deletes what transaction t - DELETE_LAG wrote. */
  static final int DELETE_LAG = 3;

  private ChildDatabase() {}

  public static void main(String[] args) throws Exception {
    String url = "jdbc:azimuth:file:" + args[1] + switch (args[0]) {
      case "index" -> ";sync=false";
      case "merge" -> MERGE_PROPERTIES;
      case "alter" -> ";seal_rows=1000";
      case "copy" -> COPY_PROPERTIES;
      default -> "";
    };
    try (Connection c = DriverManager.getConnection(url)) {
      if (args[0].equals("index")) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, v VECTOR(64))");
          Vectors.load(c, "items", Vectors.clustered(INDEX_ROWS, 64, 50, 7));
          System.out.println("BUILDING");
          System.out.flush();
          s.execute("CREATE INDEX items_v ON items USING HNSW (v) WITH (metric = 'l2', "
              + "m = 16, ef_construction = 200)");
          System.out.println("BUILT");
          System.out.flush();
        }
        return;
      }
      if (args[0].equals("merge")) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, v VECTOR(32))");
          s.execute("CREATE INDEX items_v ON items USING HNSW (v) WITH (metric = 'l2')");
        }
        Vectors.load(c, "items", Vectors.clustered(MERGE_ROWS, 32, 40, 9));
        System.out.println("MERGING");
        System.out.flush();
        while (System.in.read() >= 0) {
          // Merging in the background until the parent kills us.
        }
        return;
      }
      if (args[0].equals("copy")) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, v VECTOR(16))");
          long n = s.executeLargeUpdate("COPY items FROM 'vectors.fvecs' WITH (BATCH_ROWS "
              + COPY_BATCH + ")");
          System.out.println("COPIED " + n);
          System.out.flush();
        }
        while (System.in.read() >= 0) {
          // Holding the database until the parent kills us.
        }
        return;
      }
      if (args[0].equals("transactions")) {
        transactions(c);
        return;
      }
      if (args[0].equals("alter")) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE alt (id BIGINT PRIMARY KEY, v VECTOR(4))");
          s.execute("CREATE INDEX alt_v ON alt USING HNSW (v)");
          Vectors.load(c, "alt", Vectors.clustered(ALTER_ROWS, 4, 5, 5));
          System.out.println("ALTERING");
          System.out.flush();
          s.execute("ALTER TABLE alt ADD COLUMN tag VARCHAR(10) DEFAULT 'old'");
          System.out.println("ALTERED");
          System.out.flush();
          s.execute("ALTER TABLE alt RENAME COLUMN tag TO label");
          System.out.println("RENAMED");
          System.out.flush();
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE alt SET label = 'new' WHERE id = ?")) {
            for (long i = 0; ; i++) {
              ps.setLong(1, i % ALTER_ROWS);
              ps.executeUpdate();
              System.out.println("ACK " + i);
              System.out.flush();
            }
          }
        }
      }
      if (args[0].equals("uncommitted")) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE pending (id BIGINT PRIMARY KEY, v VECTOR(2))");
          c.setAutoCommit(false);
          Vectors.load(c, "pending", Vectors.clustered(UNCOMMITTED_ROWS, 2, 5, 3));
          s.execute("DELETE FROM pending WHERE id < 10");
          System.out.println("WRITTEN");
          System.out.flush();
        }
        while (System.in.read() >= 0) {
          // Holding the transaction open until the parent kills us.
        }
        return;
      }
      if (args[0].equals("hold")) {
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
          // Hold the database until the parent closes our stdin.
        }
        return;
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS acked (id BIGINT PRIMARY KEY, v VECTOR(2))");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO acked VALUES (?, ?)")) {
        for (long i = 0; ; i++) {
          ps.setLong(1, i);
          ps.setObject(2, new float[] {i, -i});
          ps.executeUpdate();
          System.out.println("ACK " + i);
          System.out.flush();
        }
      }
    }
  }

  /**
   * Transaction t (from 0 on) inserts 1 to 40 rows into {@code tx_rows} and one row into
   * {@code tx_log} saying how many, and deletes transaction t - DELETE_LAG's rows from both.
   */
  private static void transactions(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE tx_rows (id BIGINT PRIMARY KEY, tx BIGINT, v VECTOR(2))");
      s.execute("CREATE TABLE tx_log (tx BIGINT PRIMARY KEY, rows_written INTEGER)");
    }
    c.setAutoCommit(false);
    java.util.Random random = new java.util.Random(42);
    try (PreparedStatement row = c.prepareStatement("INSERT INTO tx_rows VALUES (?, ?, ?)");
         PreparedStatement log = c.prepareStatement("INSERT INTO tx_log VALUES (?, ?)");
         PreparedStatement dropRows = c.prepareStatement("DELETE FROM tx_rows WHERE tx = ?");
         PreparedStatement dropLog = c.prepareStatement("DELETE FROM tx_log WHERE tx = ?")) {
      for (long t = 0; ; t++) {
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
          row.setLong(1, t * 100 + i);
          row.setLong(2, t);
          row.setObject(3, new float[] {t, i});
          row.addBatch();
        }
        row.executeBatch();
        log.setLong(1, t);
        log.setInt(2, n);
        log.executeUpdate();
        dropRows.setLong(1, t - DELETE_LAG);
        dropRows.executeUpdate();
        dropLog.setLong(1, t - DELETE_LAG);
        dropLog.executeUpdate();
        c.commit();
        System.out.println("COMMITTED " + t);
        System.out.flush();
      }
    }
  }

  /** Starts this class in a new JVM with the test JVM's class path and module flags. */
  static Process start(String mode, Path dir) throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-modules") || arg.startsWith("--enable-native-access")
          || arg.startsWith("--sun-misc") || arg.startsWith("-Djvector")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ChildDatabase.class.getName(), mode, dir.toString()));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  static BufferedReader output(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }
}
