package dev.azimuth.bench.ann;

import dev.azimuth.server.AzimuthServer;
import dev.azimuth.server.ServerConfig;
import dev.azimuth.shell.copy.ClientCopy;
import dev.azimuth.shell.copy.CopySpec;
import dev.azimuth.shell.copy.ProgressLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mode {@code copy}: bulk-load speed. Writes the synthetic set's base vectors to an fvecs file
 * once, then for each run and each way loads them into a fresh database: {@code COPY t FROM
 * 'file'} (keys generated), and a prepared INSERT with {@code executeBatch} every 1,000 rows;
 * the same COPY through a server started in this JVM ({@code jdbc:azimuth:remote:}); and the
 * shell's client-side {@code \copy} code path, embedded and over that server.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
    description = "Bulk-load speed: COPY FROM an fvecs file vs. prepared INSERT executeBatch, "
        + "each run into a fresh database (no index).")
final class CopyLoadCommand extends ModeCommand {
  @Option(names = "--rows", description = "Vectors to load (default: ${DEFAULT-VALUE}).")
  int rows = 1_000_000;

  @Option(names = "--dim", description = "Dimension (default: ${DEFAULT-VALUE}).")
  int dim = 128;

  @Option(names = "--via", split = ",", description = "Ways, any of copy, batch, server-copy, "
      + "shell, shell-server (default: copy,batch).")
  List<String> via = List.of("copy", "batch");

  @Option(names = "--shell-batch-rows", description = "\\copy's BATCH_ROWS for the shell ways "
      + "(default: ${DEFAULT-VALUE}, its default).")
  int shellBatchRows = 5_000;

  @Option(names = "--sync", description = "The sync connection property (default: "
      + "${DEFAULT-VALUE}: each commit fsyncs the log).")
  boolean sync = true;

  @Option(names = "--batch-rows", description = "COPY's BATCH_ROWS; 0 for its default.")
  int batchRows;

  @Option(names = "--runs", description = "Runs of each way (default: ${DEFAULT-VALUE}).")
  int runs = 1;

  @Override
  String title() {
    return String.format(Locale.ROOT, "copy: %,d x %d, sync=%s", rows, dim, sync);
  }

  @Override
  String timing() {
    return null;
  }

  @Override
  void run(Report report) throws Exception {
    Path folder = Files.createDirectories(common.work.resolve("copy"));
    Path file = folder.resolve(String.format(Locale.ROOT, "synthetic-%dx%d.fvecs", rows, dim));
    if (!Files.exists(file) || Files.size(file) != (long) rows * (4 + 4L * dim)) {
      write(file, new Synthetic.Spec(rows, dim, 1000, 0.5, 42).base());
    }
    MarkdownTable table = new MarkdownTable("run", "way", "seconds", "rows/s", "load avg before",
        "load avg after");
    Vectors vectors = via.contains("batch") ? VecFiles.readVectors(file, rows) : null;
    for (int run = 1; run <= runs; run++) {
      for (String way : via) {
        Path db = folder.resolve("db");
        delete(db);
        String before = loadAverage();
        double seconds;
        boolean remote = way.equals("server-copy") || way.equals("shell-server");
        try (AzimuthServer server = remote ? AzimuthServer.start(ServerConfig.local(db)) : null;
             Connection c = DriverManager.getConnection(remote
                 ? "jdbc:azimuth:remote:" + server.url()
                 : "jdbc:azimuth:file:" + db + ";sync=" + sync + ";import_dir=" + folder)) {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, embedding VECTOR(" + dim + "))");
          }
          if (way.equals("server-copy")) {
            // The server reads only its own import directory; a hard link costs no copy.
            Path imports = Files.createDirectories(db.resolve("import"));
            Files.createLink(imports.resolve(file.getFileName()), file);
          }
          long start = System.nanoTime();
          long loaded = switch (way) {
            case "copy", "server-copy" -> copy(c, file);
            case "batch" -> batches(c, vectors);
            case "shell", "shell-server" -> shellCopy(c, file);
            default -> throw new IllegalArgumentException("unknown way " + way);
          };
          seconds = (System.nanoTime() - start) / 1e9;
          if (loaded != rows || count(c) != rows) {
            throw new IllegalStateException(way + " loaded " + loaded + " rows, not " + rows);
          }
        }
        table.row(run, way, String.format(Locale.ROOT, "%.1f", seconds),
            String.format(Locale.ROOT, "%,.0f", rows / seconds), before, loadAverage());
        System.err.printf(Locale.ROOT, "run %d %s: %.1f s, %,.0f rows/s%n", run, way, seconds,
            rows / seconds);
        delete(db);
      }
    }
    report.add("Fresh database per run, table `(id BIGINT PRIMARY KEY, embedding VECTOR(" + dim
        + "))`, no index; `sync=" + sync + "`. `copy` is `COPY t FROM 'file.fvecs'"
        + (batchRows > 0 ? " WITH (BATCH_ROWS " + batchRows + ")" : "") + "` (keys 0..n-1); "
        + "`batch` is a prepared `INSERT INTO t VALUES (?, ?)` with `setObject(2, float[])`, "
        + "`executeBatch` every 1,000 rows, of the same vectors read beforehand. `server-copy` "
        + "is the same COPY sent through the remote driver to a server started in this JVM on "
        + "loopback (`jdbc:azimuth:remote:http://127.0.0.1:PORT`, the server's default sync: "
        + "fsync per commit). `shell` and `shell-server` run the shell's `\\copy t FROM "
        + "'file.fvecs' WITH (BATCH_ROWS " + shellBatchRows + ")` code path (`ClientCopy`: "
        + "read on the client, prepared INSERT, `executeBatch` per batch) embedded and over "
        + "that server. Time is from the statement's start to its return (durable then), "
        + "row count checked after.\n");
    report.table(table);
  }

  private long copy(Connection c, Path file) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeLargeUpdate("COPY t FROM '" + file.getFileName() + "'"
          + (batchRows > 0 ? " WITH (BATCH_ROWS " + batchRows + ")" : ""));
    }
  }

  private long shellCopy(Connection c, Path file) throws SQLException {
    CopySpec spec = CopySpec.parse("t FROM '" + file.toString().replace("'", "''")
        + "' WITH (BATCH_ROWS " + shellBatchRows + ")");
    return ClientCopy.run(c, spec, ProgressLine.NONE, new AtomicBoolean(), s -> { });
  }

  private static long batches(Connection c, Vectors vectors) throws SQLException {
    long loaded = 0;
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      for (int id = 0; id < vectors.count(); id++) {
        insert.setLong(1, id);
        insert.setObject(2, vectors.vector(id));
        insert.addBatch();
        if ((id + 1) % AzimuthDb.BATCH == 0 || id == vectors.count() - 1) {
          for (int n : insert.executeBatch()) {
            loaded += n;
          }
        }
      }
    }
    return loaded;
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT COUNT(*) FROM t")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void write(Path file, Vectors vectors) throws IOException {
    int d = vectors.dimension();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int i = 0; i < vectors.count(); i++) {
        if (buffer.remaining() < 4 + 4 * d) {
          buffer.flip();
          while (buffer.hasRemaining()) {
            out.write(buffer);
          }
          buffer.clear();
        }
        buffer.putInt(d);
        buffer.asFloatBuffer().put(vectors.data(), vectors.offset(i), d);
        buffer.position(buffer.position() + 4 * d);
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
