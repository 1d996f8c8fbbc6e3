package dev.azimuth.shell.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Runs a parsed {@code \copy} in the direction it names, over JDBC alone. */
public final class ClientCopy {
  private ClientCopy() {}

  /**
   * Copies and returns the number of rows loaded or written.
   *
   * @param cancel   set to stop a load after the batch being written
   * @param running  told the query statement of a copy TO while it runs (null after), so
   *                 that it can be cancelled
   * @throws SQLException with COPY's SQLStates, and for a load, exactly what was committed
   */
  public static long run(Connection connection, CopySpec spec, ProgressLine progress,
      AtomicBoolean cancel, Consumer<Statement> running) throws SQLException {
    CopyOptions options = CopyOptions.of(spec);
    return spec.from() ? CopyIn.run(connection, spec, options, progress, cancel)
        : CopyOut.run(connection, spec, options, progress, running);
  }
}
