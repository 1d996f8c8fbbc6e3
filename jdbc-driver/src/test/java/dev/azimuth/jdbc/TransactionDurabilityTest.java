package dev.azimuth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit is one atomic, durable write: a child JVM killed with SIGKILL at an arbitrary moment
 * leaves every transaction it ran either wholly there or not at all, every acknowledged commit
 * there, and nothing of a transaction it had not committed.
 */
class TransactionDurabilityTest {
  @TempDir
  Path dir;

  @Test
  void eachTransactionIsAllThereOrNotAtAllAfterKillMinus9() throws Exception {
    // Three kills at different moments: after 20, 45 and 70 acknowledged commits.
    for (int round = 0; round < 3; round++) {
      Path db = dir.resolve("round" + round);
      long acked = killAfter("transactions", db, 20 + 25 * round);
      try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + db)) {
        Map<Long, Long> rowsByTx = new HashMap<>();
        for (List<Object> r : Sql.rows(c, "SELECT tx, COUNT(*) FROM tx_rows GROUP BY tx")) {
          rowsByTx.put(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue());
        }
        Map<Long, Long> logged = new HashMap<>();
        for (List<Object> r : Sql.rows(c, "SELECT tx, rows_written FROM tx_log")) {
          logged.put(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue());
        }
        assertEquals(logged, rowsByTx, "round " + round + ": every transaction's rows are "
            + "there exactly when its log row is, and all of them");
        for (long t = Math.max(0, acked - ChildDatabase.DELETE_LAG + 2); t <= acked; t++) {
          assertTrue(logged.containsKey(t), "round " + round + ": acknowledged transaction "
              + t + " (last acknowledged " + acked + ") is there");
        }
        for (long t = 0; t + ChildDatabase.DELETE_LAG <= acked; t++) {
          assertTrue(!logged.containsKey(t), "round " + round + ": transaction " + t
              + " was deleted by an acknowledged commit");
        }
        assertTrue(logged.keySet().stream().allMatch(t -> t <= acked + 1),
            "round " + round + ": at most the one commit in flight beyond the acknowledged");
      }
    }
  }

  @Test
  void uncommittedWritesNeverReachTheDisk() throws Exception {
    killAfter("uncommitted", dir, -1);
    try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + dir)) {
      assertEquals(0L, Sql.value(c, "SELECT COUNT(*) FROM pending"));
      assertEquals(List.of(), Sql.text(c, "SELECT id FROM pending ORDER BY v <-> '[0,0]' "
          + "LIMIT 3"));
    }
  }

  /**
   * Runs the child until it has acknowledged {@code commits} commits (or, with -1, until it
   * prints WRITTEN), kills it with SIGKILL and returns the last commit it acknowledged.
   */
  private static long killAfter(String mode, Path db, int commits) throws Exception {
    Process child = ChildDatabase.start(mode, db);
    BufferedReader out = ChildDatabase.output(child);
    long acked = -1;
    try {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("COMMITTED ")) {
          acked = Long.parseLong(line.substring(10));
          if (acked >= commits) {
            break;
          }
        } else if (line.equals("WRITTEN")) {
          break;
        }
      }
    } finally {
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }
    for (String line; (line = out.readLine()) != null; ) {
      if (line.matches("COMMITTED \\d+")) {
        acked = Math.max(acked, Long.parseLong(line.substring(10)));
      }
    }
    assertEquals(137, child.exitValue(), "the child died of SIGKILL");
    assertTrue(acked >= commits, "the child acknowledged " + acked + " commits");
    return acked;
  }
}
