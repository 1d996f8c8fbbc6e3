package dev.azimuth.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.shell.ErrorReporter;
import dev.azimuth.shell.Session;
import dev.azimuth.shell.command.ShellCommand.Outcome;
import dev.azimuth.shell.format.OutputFormats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellCommandsTest {
  private final ShellCommands commands = ShellCommands.standard();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Connection connection;
  private Session session;

  @BeforeEach void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:azimuth:mem:");
    session = new Session(connection, OutputFormats.defaultFormat(), new PrintWriter(out),
        new ErrorReporter(new PrintWriter(err), false));
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void registersEachCommandOnce() {
    assertEquals(List.of("?", "q", "format"), commands.all().stream().map(ShellCommand::name).toList());
  }

  @Test void quitQuits() {
    assertEquals(Outcome.QUIT, commands.run("\\q", session));
  }

  @Test void formatShowsAndSets() {
    assertEquals(Outcome.DONE, commands.run("\\format", session));
    assertEquals("table", out.toString().strip());
    assertEquals(Outcome.DONE, commands.run("\\format   csv ", session));
    assertEquals("csv", session.format().name());
  }

  @Test void unknownFormatFails() {
    assertEquals(Outcome.FAILED, commands.run("\\format xml", session));
    assertEquals("table", session.format().name());
    assertTrue(err.toString().startsWith("ERROR: unknown format 'xml'; choose one of table, csv, json"),
        err.toString());
  }

  @Test void helpListsEveryCommand() {
    assertEquals(Outcome.DONE, commands.run("\\?", session));
    for (ShellCommand command : commands.all()) {
      assertTrue(out.toString().contains("\\" + command.name()), out.toString());
    }
  }

  @Test void unknownCommandFails() {
    assertEquals(Outcome.FAILED, commands.run("\\nope x", session));
    assertTrue(err.toString().startsWith("ERROR: unknown command \\nope"), err.toString());
  }
}
