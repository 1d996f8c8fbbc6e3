package dev.azimuth.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.sql.SqlValidationException;
import dev.azimuth.sql.ddl.SqlCopy;
import dev.azimuth.sql.ddl.SqlCopyFrom;
import dev.azimuth.sql.ddl.SqlCopyTo;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

class CopyGrammarTest {
  @Test
  void copyFromWithColumnsAndEveryKindOfOptionValue() {
    SqlCopyFrom copy = assertInstanceOf(SqlCopyFrom.class, AzimuthSqlParser.parse(
        "copy docs (id, embedding) from 'data/base.csv' with (format 'csv', header true, "
            + "delimiter = ';', null 'NA', batch_rows 5000, key_offset -3, quote \"x\", force)"));
    assertEquals("DOCS", copy.table().getSimple());
    assertEquals(List.of("ID", "EMBEDDING"),
        copy.columns().stream().map(n -> ((SqlIdentifier) n).getSimple()).toList());
    assertEquals("data/base.csv", copy.path());
    List<SqlCopy.Option> options = copy.options();
    assertEquals(List.of("format", "header", "delimiter", "null", "batch_rows", "key_offset",
        "quote", "force"), options.stream().map(SqlCopy.Option::name).toList());
    assertEquals("csv", options.get(0).value());
    assertEquals(Boolean.TRUE, options.get(1).value());
    assertEquals(";", options.get(2).value());
    assertEquals("NA", options.get(3).value());
    assertEquals(0, new BigDecimal(5000).compareTo((BigDecimal) options.get(4).value()));
    assertEquals(0, new BigDecimal(-3).compareTo((BigDecimal) options.get(5).value()));
    assertEquals("x", options.get(6).value(), "a quoted word keeps its case");
    assertEquals(Boolean.TRUE, options.get(7).value(), "a name alone means TRUE");
  }

  @Test
  void wordValuesAreUpperCasedLikeIdentifiers() {
    SqlCopyFrom copy = (SqlCopyFrom) AzimuthSqlParser.parse(
        "COPY public.t FROM 'x.fvecs' WITH (FORMAT fvecs)");
    assertEquals(List.of("PUBLIC", "T"), copy.table().names);
    assertNull(copy.columns());
    assertEquals("FVECS", copy.options().get(0).value());
  }

  @Test
  void copyTableTo() {
    SqlCopyTo copy = assertInstanceOf(SqlCopyTo.class,
        AzimuthSqlParser.parse("COPY t (a, b) TO 'out.jsonl'"));
    assertEquals("T", copy.table().getSimple());
    assertEquals(2, copy.columns().size());
    assertNull(copy.query());
    assertTrue(copy.options().isEmpty());
  }

  @Test
  void copyQueryToKeepsTheQueryTextAsWritten() {
    String sql = "COPY (\n\tSELECT id, embedding <-> '[1,2]' AS d\n  FROM t WHERE n > 3) "
        + "TO 'out.csv' WITH (HEADER)";
    SqlCopyTo copy = assertInstanceOf(SqlCopyTo.class, AzimuthSqlParser.parse(sql));
    assertInstanceOf(SqlSelect.class, copy.query());
    assertEquals("\n\tSELECT id, embedding <-> '[1,2]' AS d\n  FROM t WHERE n > 3",
        copy.queryText(sql));
    assertNull(copy.table());
  }

  @Test
  void copyRemainsUsableAsAName() {
    SqlNode node = AzimuthSqlParser.parse("SELECT copy FROM copy");
    assertInstanceOf(SqlSelect.class, node);
  }

  @Test
  void anOptionGivenTwiceIsAnError() {
    SqlCopyFrom copy = (SqlCopyFrom) AzimuthSqlParser.parse(
        "COPY t FROM 'a.csv' WITH (header true, HEADER false)");
    SqlValidationException e = assertThrows(SqlValidationException.class, copy::options);
    assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
    assertTrue(e.getMessage().contains("header is given twice"), e.getMessage());
  }

  @Test
  void malformedCopyIsASyntaxError() {
    for (String sql : List.of("COPY t FROM x.csv", "COPY (SELECT 1) FROM 'a.csv'",
        "COPY t TO", "COPY t FROM 'a' WITH ()")) {
      SqlValidationException e = assertThrows(SqlValidationException.class,
          () -> AzimuthSqlParser.parse(sql), sql);
      assertEquals(ErrorCode.SYNTAX_ERROR, e.code(), sql);
    }
  }
}
