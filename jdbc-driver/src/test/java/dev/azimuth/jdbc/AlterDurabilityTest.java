package dev.azimuth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE is one synced catalog write: killed at any moment, a table has its old columns or
 * its new ones, with every row, and an acknowledged ALTER is there.
 */
class AlterDurabilityTest {
  @TempDir Path dir;

  @Test
  void anAlterIsAllThereOrNotAtAllAfterKillMinus9() throws Exception {
    String[] killAfter = {"ALTERING", "ALTERED", "RENAMED", "ACK 50"};
    for (int round = 0; round < killAfter.length; round++) {
      Path db = dir.resolve("round" + round);
      Process child = ChildDatabase.start("alter", db);
      BufferedReader out = ChildDatabase.output(child);
      List<String> seen = new ArrayList<>();
      try {
        for (String line; (line = out.readLine()) != null; ) {
          seen.add(line);
          if (line.equals(killAfter[round])) {
            break;
          }
        }
      } finally {
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      }
      for (String line; (line = out.readLine()) != null; ) {
        seen.add(line);
      }
      try (Connection c = DriverManager.getConnection("jdbc:azimuth:file:" + db)) {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "ALT", null)) {
          while (rs.next()) {
            columns.add(rs.getString("COLUMN_NAME"));
          }
        }
        String where = "round " + round + " (killed after " + killAfter[round] + ", saw "
            + seen.subList(Math.max(0, seen.size() - 3), seen.size()) + ")";
        assertTrue(columns.equals(List.of("ID", "V")) || columns.equals(List.of("ID", "V", "TAG"))
            || columns.equals(List.of("ID", "V", "LABEL")), where + ": " + columns);
        if (seen.contains("ALTERED")) {
          assertEquals(3, columns.size(), where + ": the acknowledged ALTER is there");
        }
        if (seen.contains("RENAMED")) {
          assertEquals("LABEL", columns.get(2), where);
        }
        assertEquals((long) ChildDatabase.ALTER_ROWS, Sql.value(c, "SELECT COUNT(*) FROM alt"),
            where);
        if (columns.size() == 3) {
          String col = columns.get(2);
          long other = ((Number) Sql.value(c, "SELECT COUNT(*) FROM alt WHERE " + col
              + " NOT IN ('old', 'new') OR " + col + " IS NULL")).longValue();
          assertEquals(0, other, where + ": every stored row reads the DEFAULT or its update");
        }
        assertEquals(3, Sql.rows(c, "SELECT id FROM alt ORDER BY v <-> '[0,0,0,0]' LIMIT 3")
            .size(), where);
      }
    }
  }
}
