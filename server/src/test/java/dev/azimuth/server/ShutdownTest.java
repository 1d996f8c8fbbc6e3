package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a server in its own JVM ({@code azimuth serve}): a statement still running after
 * the grace period is cancelled (57014), the process exits with status 0, and the directory
 * then opens cleanly with every acknowledged write in it.
 */
class ShutdownTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  @Test
  void sigtermCancelsStopsAndKeepsAcknowledgedWrites(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path log = dir.resolve("server.log");
    Process child = serve(data, log);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      String url = "jdbc:azimuth:remote:" + awaitUrl(log);
      try (Connection c = DriverManager.getConnection(url)) {
        TestServers.run(c, "CREATE TABLE acked (id INTEGER PRIMARY KEY, v VECTOR(2))",
            "CREATE TABLE big (id INTEGER PRIMARY KEY)");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO acked VALUES (?, ?)")) {
          for (int i = 0; i < 50; i++) {
            insert.setInt(1, i);
            insert.setObject(2, new float[] {i, i});
            assertEquals(1, insert.executeUpdate());
          }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO big VALUES (?)")) {
          for (int i = 0; i < 1500; i++) {
            insert.setInt(1, i);
            insert.addBatch();
          }
          insert.executeBatch();
        }
        Statement s = c.createStatement();
        Future<?> running = pool.submit(() -> s.executeQuery(
            "SELECT COUNT(*) FROM big a, big b, big c WHERE a.id + b.id + c.id = -1"));
        Thread.sleep(1500);
        child.destroy();
        try {
          running.get(120, TimeUnit.SECONDS);
          throw new AssertionError("the long query finished instead of being cancelled");
        } catch (ExecutionException e) {
          SQLException failure = assertInstanceOf(SQLException.class, e.getCause());
          assertEquals("57014", failure.getSQLState(), failure.toString());
        }
      }
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the server exits");
      String all = Files.readString(log);
      assertEquals(0, child.exitValue(), all);
      assertTrue(all.contains("shutting down"), all);
      assertTrue(all.contains("cancelling the statements"), all);
      assertTrue(all.contains("stopped; database closed"), all);
    } finally {
      pool.shutdownNow();
      child.destroyForcibly();
    }
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + data)) {
      assertEquals(List.of(List.of("50", "49")),
          TestServers.strings(c, "SELECT COUNT(*), MAX(id) FROM acked"));
    }
  }

  private static Process serve(Path data, Path log) throws IOException {
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
        dev.azimuth.server.cli.Main.class.getName(), "serve", "--data", data.toString(),
        "--port", "0", "--shutdown-timeout", "2"));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }

  private static String awaitUrl(Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server did not start:\n" + Files.readString(log));
  }
}
