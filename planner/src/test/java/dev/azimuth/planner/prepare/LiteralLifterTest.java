package dev.azimuth.planner.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.azimuth.sql.parser.AzimuthSqlParser;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralLifterTest {
  private static LiteralLifter.Lifted lift(String sql) {
    return LiteralLifter.lift(AzimuthSqlParser.parse(sql));
  }

  private static String shape(String sql) {
    LiteralLifter.Lifted lifted = lift(sql);
    assertNotNull(lifted, sql);
    return lifted.shape();
  }

  @Test
  void comparisonsWithColumnsAndVectorTextAreLifted() {
    LiteralLifter.Lifted lifted = lift("SELECT id FROM t WHERE n > 5 AND 'x' = name "
        + "AND d >= DATE '2020-01-02' AND p < 1.5 AND q <> 1e3 "
        + "ORDER BY v <-> '[1,2,3]' LIMIT 10");
    assertEquals(List.of(LiteralKind.INTEGER, LiteralKind.STRING, LiteralKind.DATE,
        LiteralKind.DECIMAL, LiteralKind.APPROXIMATE, LiteralKind.VECTOR_TEXT), lifted.kinds());
    assertEquals(List.of(new BigDecimal(5), "x", 18263, new BigDecimal("1.5"),
        new BigDecimal("1E+3"), "[1,2,3]"), lifted.values());
    assertEquals(0, lifted.userParameters());
  }

  @Test
  void sameShapeForOtherValues() {
    assertEquals(shape("SELECT id FROM t WHERE n = 1 ORDER BY v <-> '[1,2]' LIMIT 3"),
        shape("SELECT id FROM t WHERE n = 22 ORDER BY v <->   '[3,4]' LIMIT 3"));
    assertEquals(shape("SELECT id FROM t ORDER BY L2_DISTANCE(v, '[1,2]') LIMIT 3"),
        shape("select id from t order by l2_distance(v, '[5,6]') limit 3"));
  }

  @Test
  void whatShapesThePlanStaysInTheShape() {
    String base = "SELECT id FROM t ORDER BY v <-> '[1,2]' LIMIT 3";
    assertNotEquals(shape(base), shape("SELECT id FROM t ORDER BY v <-> '[1,2]' LIMIT 4"));
    assertNotEquals(shape(base), shape("SELECT id FROM t ORDER BY v <-> '[1,2]' LIMIT 3 OFFSET 1"));
    assertNotEquals(shape(base), shape("SELECT /*+ EXACT */ id FROM t ORDER BY v <-> '[1,2]' LIMIT 3"));
    assertNotEquals(shape("SELECT /*+ ANN(ef_search=10) */ id FROM t ORDER BY v <-> '[1]' LIMIT 3"),
        shape("SELECT /*+ ANN(ef_search=20) */ id FROM t ORDER BY v <-> '[1]' LIMIT 3"));
    // A literal of another kind may get another type: another shape.
    assertNotEquals(shape("SELECT id FROM t WHERE n = 1"), shape("SELECT id FROM t WHERE n = 1.0"));
  }

  @Test
  void otherLiteralsStay() {
    assertNull(lift("SELECT 1, 'a', 1.5, DATE '2020-01-01' FROM t"));
    assertNull(lift("SELECT a, COUNT(*) FROM t GROUP BY 1 ORDER BY 2 LIMIT 5 OFFSET 2"));
    assertNull(lift("SELECT CAST(a AS VARCHAR(3)) FROM t WHERE b IS NULL AND c = TRUE"));
    assertNull(lift("SELECT * FROM t WHERE ts > CURRENT_TIMESTAMP - INTERVAL '1' DAY"));
    assertNull(lift("SELECT * FROM t WHERE a = NULL OR a + 1 = b OR 1 = 2"));
    assertNull(lift("SELECT L2_NORMALIZE('[1,2]'), VECTOR_NORM('[3,4]')"));
    assertNull(lift("SELECT * FROM t WHERE ts = TIMESTAMP '2020-01-01 00:00:00.123456'"));
  }

  @Test
  void wordsOfTextFunctionsAreLifted() {
    LiteralLifter.Lifted lifted = lift("SELECT id, BM25(body, 'rocksdb compaction') AS s "
        + "FROM docs WHERE TEXT_MATCH(body, 'rocksdb') ORDER BY s DESC LIMIT 10");
    assertEquals(List.of(LiteralKind.STRING, LiteralKind.STRING), lifted.kinds());
    assertEquals(List.of("rocksdb compaction", "rocksdb"), lifted.values());
    assertEquals(shape("SELECT id FROM docs WHERE TEXT_MATCH(body, 'a') LIMIT 3"),
        shape("select id from docs where text_match(body, 'b c') limit 3"));
    // The column stays: it decides the analyzer and the index.
    assertNull(lift("SELECT BM25('x', body) FROM docs"));
  }

  @Test
  void clientParametersKeepTheirIndexes() {
    LiteralLifter.Lifted lifted = lift("SELECT id FROM t WHERE n = 5 AND m = ? "
        + "ORDER BY v <-> ? LIMIT 3");
    assertEquals(2, lifted.userParameters());
    assertEquals(List.of(LiteralKind.INTEGER), lifted.kinds());
  }
}
