package dev.azimuth.shell.copy;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Where {@code \copy ... TO} writes a query's rows, in one format. Not thread-safe. */
interface RowWriter extends AutoCloseable {
  /** Writes the row the result set is on. */
  void write(ResultSet row) throws IOException, SQLException;

  /** Completes the file after the last row. */
  void finish() throws IOException;

  @Override void close() throws IOException;
}
