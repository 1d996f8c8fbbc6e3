package dev.azimuth.shell.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CsvFormatTest {
  private static FormatTestSupport db;

  @BeforeAll static void open() throws SQLException {
    db = new FormatTestSupport();
  }

  @AfterAll static void close() throws SQLException {
    db.close();
  }

  @Test void writesHeaderAndRfc4180Records() throws SQLException {
    assertEquals("ID,I,M,B,S,V,W\r\n"
            + "1,-7,12.50,true,tab\there,\"[1.0,2.0]\",\"[0.5,1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0,9.0]\"\r\n"
            + "2,,,,,,\r\n",
        db.print(new CsvFormat(), "SELECT id, i, m, b, s, v, w FROM k ORDER BY id"));
  }

  @Test void emptyResultIsJustTheHeader() throws SQLException {
    assertEquals("ID\r\n", db.print(new CsvFormat(), "SELECT id FROM k WHERE id < 0"));
  }

  @Test void updatesPrintNothing() {
    StringWriter text = new StringWriter();
    new CsvFormat().writeUpdate("INSERT 3", new PrintWriter(text, true));
    assertEquals("", text.toString());
  }
}
