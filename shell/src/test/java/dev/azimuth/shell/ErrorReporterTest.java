package dev.azimuth.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
  private final StringWriter text = new StringWriter();

  @Test void sqlErrorIsOneLineWithState() {
    new ErrorReporter(new PrintWriter(text), false)
        .sqlError(new SQLException("bad\n  thing\r\nhere ", "22000"));
    assertEquals("ERROR 22000: bad thing here" + System.lineSeparator(), text.toString());
  }

  @Test void missingStateAndMessageStillGiveALine() {
    new ErrorReporter(new PrintWriter(text), false).sqlError(new SQLException());
    assertEquals("ERROR: (no message)" + System.lineSeparator(), text.toString());
  }

  @Test void internalErrorsUseXx000() {
    new ErrorReporter(new PrintWriter(text), false).internalError(new IllegalStateException("boom"));
    assertEquals("ERROR XX000: java.lang.IllegalStateException: boom" + System.lineSeparator(),
        text.toString());
  }

  @Test void verbosePrintsTheTrace() {
    new ErrorReporter(new PrintWriter(text), true).sqlError(new SQLException("bad", "42601"));
    assertTrue(text.toString().startsWith("ERROR 42601: bad" + System.lineSeparator()
        + "java.sql.SQLException: bad"), text.toString());
    assertTrue(text.toString().contains("\tat "), text.toString());
  }
}
