package dev.azimuth.shell.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing the argument of {@code \copy}. */
class CopySpecTest {
  @Test void tableColumnsFileAndOptions() throws SQLException {
    CopySpec s = CopySpec.parse("public.\"My Docs\" (id, \"Title\") FROM 'it''s.csv' WITH "
        + "(FORMAT 'csv', HEADER, delimiter = ';', BATCH_ROWS 100);");
    assertEquals("public.\"My Docs\"", s.table());
    assertEquals(List.of("id", "\"Title\""), s.columns());
    assertTrue(s.from());
    assertEquals(Path.of("it's.csv"), s.path());
    assertEquals(Map.of("format", "csv", "header", "true", "delimiter", ";", "batch_rows", "100"),
        s.options());
    assertNull(s.query());
  }

  @Test void aQueryWithParenthesesAndQuotesGoesTo() throws SQLException {
    CopySpec s = CopySpec.parse("(SELECT id, '(x)' AS p FROM t WHERE f(id) > 1) TO out.jsonl");
    assertEquals("SELECT id, '(x)' AS p FROM t WHERE f(id) > 1", s.query());
    assertFalse(s.from());
    assertEquals(Path.of("out.jsonl"), s.path());
    assertEquals(Map.of(), s.options());
  }

  @Test void mistakesAreSyntaxErrors() {
    for (String bad : List.of("", "t INTO 'f'", "(SELECT 1) FROM 'f'", "t FROM", "t FROM 'f",
        "t (a, ) FROM 'f'", "t FROM 'f' WITH HEADER", "t FROM 'f' (header, header)",
        "(SELECT 1 TO 'f'")) {
      SQLException e = assertThrows(SQLException.class, () -> CopySpec.parse(bad), bad);
      assertEquals("42601", e.getSQLState(), bad);
      assertTrue(e.getMessage().startsWith("\\copy: "), e.getMessage());
    }
  }

  @Test void optionsAreCheckedAsCopyChecksThem() throws SQLException {
    CopyOptions o = CopyOptions.of(CopySpec.parse("t FROM 'v.fvecs' WITH (KEY_OFFSET 10)"));
    assertEquals(FileFormat.FVECS, o.format());
    assertEquals(10, o.keyOffset());
    assertEquals(CopyOptions.DEFAULT_BATCH_ROWS, o.batchRows());
    assertEquals("42704", state("t FROM 'a.csv' WITH (COLOUR 'red')"));
    assertEquals("22023", state("t FROM 'a.jsonl' WITH (HEADER)"));
    assertEquals("22023", state("t FROM 'a.csv' WITH (BATCH_ROWS 0)"));
    assertEquals("22023", state("t FROM 'a.txt'"));
    assertEquals("42704", state("t TO 'a.csv' WITH (SKIP_ROWS 1)"));
    assertEquals("0A000", state("t TO 'a.parquet'"));
    assertEquals(FileFormat.PARQUET, CopyOptions.of(CopySpec.parse("t FROM 'a.parquet'")).format());
  }

  private static String state(String argument) throws SQLException {
    CopySpec spec = CopySpec.parse(argument);
    return assertThrows(SQLException.class, () -> CopyOptions.of(spec)).getSQLState();
  }
}
