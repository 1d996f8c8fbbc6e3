package dev.azimuth.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.tx.SqlTransactionControl;
import dev.azimuth.sql.tx.SqlTransactionControl.Action;
import dev.azimuth.sql.tx.SqlTransactionControl.Isolation;
import org.junit.jupiter.api.Test;

class TransactionGrammarTest {
  private static SqlTransactionControl parse(String sql) {
    return assertInstanceOf(SqlTransactionControl.class, AzimuthSqlParser.parse(sql));
  }

  @Test
  void theStatementsPostgresqlWrites() {
    for (String sql : new String[] {"BEGIN", "begin work", "BEGIN TRANSACTION",
        "START TRANSACTION"}) {
      assertEquals(Action.BEGIN, parse(sql).action(), sql);
    }
    for (String sql : new String[] {"COMMIT", "commit work", "COMMIT TRANSACTION", "END"}) {
      assertEquals(Action.COMMIT, parse(sql).action(), sql);
    }
    for (String sql : new String[] {"ROLLBACK", "rollback work", "ROLLBACK TRANSACTION"}) {
      assertEquals(Action.ROLLBACK, parse(sql).action(), sql);
    }
    SqlTransactionControl to = parse("ROLLBACK TO SAVEPOINT before_load");
    assertEquals(Action.ROLLBACK_TO_SAVEPOINT, to.action());
    assertEquals("BEFORE_LOAD", to.savepoint());
    assertEquals("s1", parse("rollback work to \"s1\"").savepoint());
    assertEquals(Action.SAVEPOINT, parse("SAVEPOINT a").action());
    assertEquals("A", parse("RELEASE SAVEPOINT a").savepoint());
    assertEquals(Action.RELEASE_SAVEPOINT, parse("RELEASE a").action());
  }

  @Test
  void transactionModes() {
    SqlTransactionControl begin = parse("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    assertEquals(Isolation.REPEATABLE_READ, begin.isolation());
    assertEquals(Boolean.TRUE, begin.readOnly());
    assertEquals(Isolation.READ_COMMITTED,
        parse("START TRANSACTION ISOLATION LEVEL READ COMMITTED").isolation());
    assertEquals(Isolation.READ_UNCOMMITTED,
        parse("SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED").isolation());
    SqlTransactionControl set = parse("SET TRANSACTION READ WRITE ISOLATION LEVEL SERIALIZABLE");
    assertEquals(Action.SET_TRANSACTION, set.action());
    assertEquals(Isolation.SERIALIZABLE, set.isolation());
    assertEquals(Boolean.FALSE, set.readOnly());
    assertNull(parse("BEGIN").isolation());
  }

  @Test
  void mistakesAreSyntaxErrors() {
    for (String sql : new String[] {"SAVEPOINT", "ROLLBACK TO", "BEGIN ISOLATION LEVEL FAST",
        "START", "SET TRANSACTION"}) {
      SqlValidationException e = assertThrows(SqlValidationException.class,
          () -> AzimuthSqlParser.parse(sql), sql);
      assertEquals(ErrorCode.SYNTAX_ERROR, e.code(), sql);
    }
  }

  @Test
  void setOfASettingStillParses() {
    assertEquals("SET_OPTION", AzimuthSqlParser.parse("SET ef_search = 100").getKind().name());
  }
}
