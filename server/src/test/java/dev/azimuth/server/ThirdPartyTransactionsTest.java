package dev.azimuth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions as applications use them, through HikariCP and Spring's JdbcTemplate and
 * TransactionTemplate, embedded and over a server: a rollback, or an exception thrown in the
 * callback, leaves nothing; a commit keeps everything; the pool hands out clean connections.
 */
class ThirdPartyTransactionsTest {
  @TempDir Path dir;

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  private static void check(String url) {
    try (HikariDataSource pool = pool(url)) {
      JdbcTemplate jdbc = new JdbcTemplate(pool);
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
      jdbc.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, balance INTEGER, "
          + "v VECTOR(2))");
      jdbc.update("INSERT INTO accounts VALUES (1, 100, '[1,0]'), (2, 0, '[0,1]')");
      tx.executeWithoutResult(status -> {
        jdbc.update("UPDATE accounts SET balance = balance - 30 WHERE id = 1");
        jdbc.update("UPDATE accounts SET balance = balance + 30 WHERE id = 2");
      });
      assertEquals(List.of(70, 30), balances(jdbc));
      RuntimeException thrown = assertThrows(IllegalStateException.class,
          () -> tx.executeWithoutResult(status -> {
            jdbc.update("UPDATE accounts SET balance = balance - 50 WHERE id = 1");
            jdbc.update("INSERT INTO accounts VALUES (3, 50, '[1,1]')");
            assertEquals(3, jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Integer.class));
            throw new IllegalStateException("the transfer is refused");
          }));
      assertEquals("the transfer is refused", thrown.getMessage());
      assertEquals(List.of(70, 30), balances(jdbc), "the exception rolled everything back");
      tx.executeWithoutResult(status -> {
        jdbc.update("DELETE FROM accounts WHERE id = 2");
        status.setRollbackOnly();
      });
      assertEquals(List.of(70, 30), balances(jdbc), "setRollbackOnly rolled back");
      assertThrows(DataAccessException.class, () -> tx.executeWithoutResult(status ->
          jdbc.update("INSERT INTO accounts VALUES (1, 0, NULL)")));
      Integer nearest = tx.execute(status -> {
        jdbc.update("INSERT INTO accounts VALUES (4, 1, '[5,5]')");
        return jdbc.queryForObject("SELECT id FROM accounts ORDER BY v <-> '[4,4]' LIMIT 1",
            Integer.class);
      });
      assertEquals(4, nearest, "a vector search inside the transaction finds its new row");
      assertEquals(3, jdbc.queryForObject("SELECT COUNT(*) FROM accounts", Integer.class));
      try (Connection c = pool.getConnection()) {
        assertTrue(c.getAutoCommit(), "the pool's connections come back in auto-commit mode");
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static List<Integer> balances(JdbcTemplate jdbc) {
    return jdbc.queryForList("SELECT balance FROM accounts WHERE id IN (1, 2) ORDER BY id",
        Integer.class);
  }

  @Test
  void embedded() {
    check("jdbc:azimuth:file:" + dir.resolve("embedded"));
  }

  @Test
  void overAServer() throws Exception {
    try (AzimuthServer server = TestServers.start(dir)) {
      check(TestServers.url(server));
    }
  }
}
