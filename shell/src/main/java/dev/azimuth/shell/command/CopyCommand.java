package dev.azimuth.shell.command;

import dev.azimuth.shell.Session;
import dev.azimuth.shell.copy.ClientCopy;
import dev.azimuth.shell.copy.CopySpec;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code \copy}: COPY with a file on the shell's machine rather than the database's, through
 * the session's JDBC connection, with a progress bar at a terminal. Ctrl-C stops a load after
 * the batch being written (reporting the rows committed) or cancels the query of a copy out.
 */
final class CopyCommand implements ShellCommand {
  @Override public String name() {
    return "copy";
  }

  @Override public String arguments() {
    return "TABLE FROM|TO FILE";
  }

  @Override public String description() {
    return "COPY with a file of this machine; also \\copy (QUERY) TO FILE";
  }

  @Override public Argument argument() {
    return Argument.TABLE;
  }

  @Override public Outcome run(String argument, Session session) {
    long start = System.nanoTime();
    AtomicBoolean cancel = new AtomicBoolean();
    AtomicReference<Statement> running = new AtomicReference<>();
    session.onCancel(() -> {
      cancel.set(true);
      Statement statement = running.get();
      if (statement != null) {
        try {
          statement.cancel();
        } catch (SQLException e) {
          // It finished meanwhile: nothing left to stop.
        }
      }
    });
    try {
      CopySpec spec = CopySpec.parse(argument);
      long rows = ClientCopy.run(session.connection(), spec, session.progress(), cancel,
          running::set);
      session.printDone("COPY " + rows, start);
      return Outcome.DONE;
    } catch (SQLException e) {
      session.out().flush();
      session.errors().sqlError(e);
      return Outcome.FAILED;
    } finally {
      session.onCancel(null);
    }
  }
}
