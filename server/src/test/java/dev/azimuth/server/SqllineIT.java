package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.server.auth.PasswordHash;
import dev.azimuth.server.auth.User;
import dev.azimuth.server.auth.UsersFile;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDBC client that knows nothing of Azimuth: sqlline 1.12, in its own JVM with only the thin
 * jar beside it, logs in to a server on a free loopback port, browses tables and columns, and
 * runs a nearest-neighbour query.
 */
class SqllineIT {
  @Test
  void sqllineBrowsesAndSearchesThroughTheThinJar(@TempDir Path dir) throws Exception {
    Path thin = Path.of(System.getProperty("azimuth.thin.jar"));
    Path sqlline = Path.of(System.getProperty("azimuth.sqlline.dir"));
    assertTrue(Files.exists(thin), thin + " (built by jdbc-driver's package)");
    Path users = dir.resolve("users");
    UsersFile.write(users, List.of(new User("analyst", false,
        PasswordHash.of("s3cret".toCharArray(), PasswordHash.DEFAULT_ITERATIONS))));
    try (AzimuthServer server = AzimuthServer.start(
        ServerConfig.local(dir.resolve("data")).withUsers(users))) {
      try (Connection c = TestServers.connect(server, "analyst", "s3cret")) {
        TestServers.run(c, "CREATE TABLE docs (id BIGINT PRIMARY KEY, title VARCHAR(200), "
                + "embedding VECTOR(3))",
            "INSERT INTO docs VALUES (1, 'red', '[1,0,0]'), (2, 'green', '[0,1,0]'), "
                + "(3, 'blue', '[0,0,1]')",
            "CREATE INDEX docs_embedding ON docs USING HNSW (embedding)");
      }
      Path script = dir.resolve("script.sql");
      Files.writeString(script, String.join("\n",
          "!tables",
          "!columns DOCS",
          "!primarykeys DOCS",
          "!indexes DOCS",
          "SELECT id, title, embedding, embedding <-> '[0.9,0.1,0]' AS distance FROM docs "
              + "ORDER BY distance LIMIT 2;",
          "!autocommit off",
          "DELETE FROM docs;",
          "!rollback",
          "INSERT INTO docs VALUES (4, 'black', '[1,1,1]');",
          "!commit",
          "!autocommit on",
          "!quit", ""));
      List<String> classPath = new ArrayList<>();
      classPath.add(thin.toString());
      try (Stream<Path> jars = Files.list(sqlline)) {
        jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> classPath.add(p.toString()));
      }
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", String.join(File.pathSeparator, classPath), "sqlline.SqlLine",
          "-u", TestServers.url(server), "-n", "analyst", "-p", "s3cret",
          "--maxWidth=200", "-f", script.toString())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(3, TimeUnit.MINUTES), out);
      System.out.println(out);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("| PUBLIC") && out.contains("| DOCS") && out.contains("TABLE"),
          "!tables lists DOCS:\n" + out);
      assertTrue(out.contains("| EMBEDDING") && out.contains("VECTOR(3)"),
          "!columns shows the vector column and its type:\n" + out);
      assertTrue(out.contains("DOCS_PKEY"), "!primarykeys names the key:\n" + out);
      assertTrue(out.contains("DOCS_EMBEDDING"), "!indexes lists the vector index:\n" + out);
      int red = out.indexOf("| red ");
      int green = out.indexOf("| green ");
      assertTrue(red > 0 && green > red, "nearest first:\n" + out);
      assertTrue(out.contains("[1.0,0.0,0.0]"), "vectors display as text:\n" + out);
      assertTrue(out.contains("0.1414213"), "the distance is computed:\n" + out);
      assertTrue(out.contains("2 rows selected"), out);
      try (Connection c = TestServers.connect(server, "analyst", "s3cret")) {
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("3"), List.of("4")),
            TestServers.strings(c, "SELECT id FROM docs ORDER BY id"),
            "!rollback undid the DELETE and !commit kept the INSERT:\n" + out);
      }
    }
  }
}
