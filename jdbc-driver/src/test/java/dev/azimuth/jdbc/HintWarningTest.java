package dev.azimuth.jdbc;

import static dev.azimuth.jdbc.Sql.text;
import static dev.azimuth.jdbc.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Our hints are known to Calcite's converter, so hinted statements log no warning about them;
 * hints where ours do not go are errors.
 */
class HintWarningTest {
  @Test
  void hintedStatementsRunWithoutCalcitesUnknownHintWarning() throws SQLException {
    List<String> warnings = new ArrayList<>();
    Handler handler = new Handler() {
      @Override public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record.getLoggerName() + ": " + record.getMessage());
        }
      }

      @Override public void flush() {}

      @Override public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(handler);
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(2))");
      update(c, "INSERT INTO t VALUES (1, '[0,0]'), (2, '[1,1]'), (3, '[2,2]')");
      assertEquals(List.of("2", "3"), text(c,
          "SELECT /*+ EXACT */ id FROM t ORDER BY v <-> '[1.2,1.2]' LIMIT 2"));
      assertEquals(List.of("2"), text(c,
          "SELECT /*+ ANN(ef_search=50) */ id FROM t ORDER BY v <-> '[1,1]' LIMIT 1"));
    } finally {
      root.removeHandler(handler);
    }
    assertEquals(List.of(), warnings.stream().filter(w -> w.contains("Hint")).toList());
  }

  @Test
  void aHintAfterATableNameIsAnErrorNotSilentlyIgnored() throws SQLException {
    try (Connection c = Sql.memory()) {
      update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, v VECTOR(2))");
      SQLException e = Sql.fails("42601", () -> text(c,
          "SELECT id FROM t /*+ EXACT */ ORDER BY v <-> '[1,1]' LIMIT 1"));
      assertTrue(e.getMessage().contains("after a table name"), e.getMessage());
    }
  }
}
