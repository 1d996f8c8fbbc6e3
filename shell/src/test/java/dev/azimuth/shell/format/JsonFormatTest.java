package dev.azimuth.shell.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonFormatTest {
  private static FormatTestSupport db;

  @BeforeAll static void open() throws SQLException {
    db = new FormatTestSupport();
  }

  @AfterAll static void close() throws SQLException {
    db.close();
  }

  @Test void typesMapToJsonTypes() throws SQLException {
    assertEquals("""
        {"ID":1,"I":-7,"D":0.1,"R":0.1,"M":12.50,"B":true,"S":"tab\\there","V":[1.0,2.0]}
        {"ID":2,"I":null,"D":null,"R":null,"M":null,"B":null,"S":null,"V":null}
        """, db.print(new JsonFormat(), "SELECT id, i, d, r, m, b, s, v FROM k ORDER BY id"));
  }

  @Test void longVectorsAreWrittenInFull() throws SQLException {
    assertEquals("{\"W\":[0.5,1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0,9.0]}\n",
        db.print(new JsonFormat(), "SELECT w FROM k WHERE id = 1"));
  }

  @Test void otherTypesAreStrings() throws SQLException {
    assertEquals("{\"D\":\"2024-02-29\",\"C\":\"x\"}\n",
        db.print(new JsonFormat(), "SELECT DATE '2024-02-29' AS d, 'x' AS c FROM k WHERE id = 1"));
  }

  @Test void emptyResultPrintsNothing() throws SQLException {
    assertEquals("", db.print(new JsonFormat(), "SELECT id FROM k WHERE id < 0"));
  }

  @Test void updatesPrintNothing() {
    StringWriter text = new StringWriter();
    new JsonFormat().writeUpdate("INSERT 3", new PrintWriter(text, true));
    assertEquals("", text.toString());
  }
}
