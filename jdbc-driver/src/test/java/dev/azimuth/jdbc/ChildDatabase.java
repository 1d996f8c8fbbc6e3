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
 * {@code COPIED n} when it returns and waits to be killed.
 */
public final class ChildDatabase {
  static final int INDEX_ROWS = 30_000;
  static final int MERGE_ROWS = 20_000;
  static final String MERGE_PROPERTIES = ";sync=false;seal_rows=2000;merge_factor=10";
  static final int COPY_BATCH = 5_000;
  /** Each COPY batch: two segments written directly, 1,000 rows into the growing one. */
  static final String COPY_PROPERTIES = ";seal_rows=2000;merge_factor=100";

  private ChildDatabase() {}

  public static void main(String[] args) throws Exception {
    String url = "jdbc:azimuth:file:" + args[1] + switch (args[0]) {
      case "index" -> ";sync=false";
      case "merge" -> MERGE_PROPERTIES;
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
