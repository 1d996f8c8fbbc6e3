package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients at once, each on its own connection, writing and searching: every write lands
 * and every client finds its own rows.
 */
class ConcurrentClientsTest {
  private static final int CLIENTS = 8;
  private static final int ROWS_EACH = 40;

  @Test
  void clientsWriteAndSearchAtOnce(@TempDir Path dir) throws Exception {
    try (AzimuthServer server = TestServers.start(dir)) {
      try (Connection c = TestServers.connect(server)) {
        TestServers.run(c, "CREATE TABLE points (id INTEGER PRIMARY KEY, client INTEGER, "
            + "v VECTOR(2))");
      }
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
          int me = client;
          results.add(pool.submit((Callable<Integer>) () -> work(server, me)));
        }
        for (Future<Integer> f : results) {
          assertEquals(ROWS_EACH, f.get(5, TimeUnit.MINUTES));
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(0, server.connections(), "every client closed its connection");
      try (Connection c = TestServers.connect(server)) {
        assertEquals(List.of(List.of(String.valueOf(CLIENTS * ROWS_EACH),
                String.valueOf(CLIENTS))),
            TestServers.strings(c, "SELECT COUNT(*), COUNT(DISTINCT client) FROM points"));
      }
    }
  }

  /** Inserts this client's rows one by one, searching next to its own first row after each. */
  private static int work(AzimuthServer server, int client) throws Exception {
    float corner = 1000f * (client + 1);
    try (Connection c = TestServers.connect(server);
         PreparedStatement insert = c.prepareStatement("INSERT INTO points VALUES (?, ?, ?)");
         PreparedStatement nearest = c.prepareStatement(
             "SELECT id FROM points ORDER BY v <-> ? LIMIT 1")) {
      int found = 0;
      for (int i = 0; i < ROWS_EACH; i++) {
        insert.setInt(1, client * ROWS_EACH + i);
        insert.setInt(2, client);
        insert.setObject(3, new float[] {corner + i, corner});
        assertEquals(1, insert.executeUpdate());
        nearest.setObject(1, new float[] {corner - 1, corner});
        try (ResultSet rs = nearest.executeQuery()) {
          rs.next();
          assertEquals(client * ROWS_EACH, rs.getInt(1), "its own first row is nearest");
        }
        found++;
      }
      return found;
    }
  }
}
