package dev.azimuth.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.azimuth.shell.repl.PlainLineSource;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class AzimuthCommandTest {
  private static AzimuthCommand parse(String... args) {
    PrintWriter sink = new PrintWriter(new StringWriter());
    AzimuthCommand command = new AzimuthCommand(sink, sink,
        (session, commands) -> new PlainLineSource(new ByteArrayInputStream(new byte[0])));
    Main.commandLine(command, sink, sink).parseArgs(args);
    return command;
  }

  @Test void defaultDatabaseIsAzimuthDataInTheWorkingDirectory() {
    assertEquals("jdbc:azimuth:file:./azimuth-data", parse().jdbcUrl());
  }

  @Test void dataNamesAFileDatabase() {
    assertEquals("jdbc:azimuth:file:/tmp/db", parse("--data", "/tmp/db").jdbcUrl());
  }

  @Test void urlIsUsedAsGiven() {
    assertEquals("jdbc:azimuth:mem:", parse("--url", "jdbc:azimuth:mem:").jdbcUrl());
  }

  @Test void formatDefaultsToTable() {
    assertEquals("table", parse().format.name());
    assertEquals("json", parse("--format", "json").format.name());
  }
}
