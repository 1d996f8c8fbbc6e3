package dev.azimuth.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UpdateSummaryTest {
  @Test void dataChangesShowTheirVerbAndCount() {
    assertEquals("INSERT 3", UpdateSummary.of("insert into t values (1), (2), (3)", 3));
    assertEquals("UPDATE 0", UpdateSummary.of("UPDATE t SET x = 1 WHERE false", 0));
    assertEquals("DELETE 1", UpdateSummary.of("  DELETE FROM t", 1));
    assertEquals("COPY 1000", UpdateSummary.of("COPY t FROM 'v.fvecs'", 1000));
  }

  @Test void otherStatementsAreOk() {
    assertEquals("OK", UpdateSummary.of("CREATE TABLE t (id BIGINT PRIMARY KEY)", 0));
    assertEquals("OK", UpdateSummary.of("DROP TABLE t", 0));
    assertEquals("OK", UpdateSummary.of("INSERT INTO t VALUES (1)", -1));
  }

  @Test void transactionControlShowsPsqlsTagsAndTracksTheBlock() {
    assertEquals("BEGIN", UpdateSummary.of("begin", 0));
    assertEquals("START TRANSACTION", UpdateSummary.of("START TRANSACTION", 0));
    assertEquals("COMMIT", UpdateSummary.of("END", 0));
    assertEquals("ROLLBACK", UpdateSummary.of("ROLLBACK TO SAVEPOINT a", 0));
    assertEquals(true, UpdateSummary.inTransactionAfter("BEGIN", true, false));
    assertEquals(false, UpdateSummary.inTransactionAfter("BEGIN", false, false));
    assertEquals(true, UpdateSummary.inTransactionAfter("ROLLBACK TO a", true, true));
    assertEquals(false, UpdateSummary.inTransactionAfter("rollback work", true, true));
    assertEquals(false, UpdateSummary.inTransactionAfter("COMMIT", false, true),
        "a failed commit ends the transaction too");
  }

  @Test void firstWordSkipsComments() {
    assertEquals("INSERT", UpdateSummary.firstWord("-- load\n/* rows */ insert into t"));
    assertEquals("", UpdateSummary.firstWord("/* unterminated"));
    assertEquals("", UpdateSummary.firstWord("(SELECT 1)"));
  }
}
