package dev.azimuth.shell.copy;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code \copy table TO 'file'} and {@code \copy (query) TO 'file'}: runs the query through
 * JDBC and writes its rows to a temporary file beside the target, renamed over it at the end,
 * so the file is either the whole result or left as it was (COPY TO's rule).
 */
final class CopyOut {
  private CopyOut() {}

  /**
   * Writes the rows and returns how many were written.
   *
   * @param running told the statement while it runs, so that Ctrl-C can cancel it
   */
  static long run(Connection connection, CopySpec spec, CopyOptions options,
      ProgressLine progress, Consumer<Statement> running) throws SQLException {
    String sql;
    if (spec.query() != null) {
      sql = spec.query();
    } else {
      TargetTable table = TargetTable.load(connection, spec.table());
      int[] listed;
      try {
        listed = table.listed(spec.columns());
      } catch (BadRowException e) {
        throw new SQLException(e.getMessage(), e.sqlState());
      }
      List<String> names = new ArrayList<>();
      for (int c : listed != null ? listed : table.all()) {
        names.add(table.columns().get(c).quoted());
      }
      sql = "SELECT " + String.join(", ", names) + " FROM " + table.sqlName();
    }
    Path target = spec.path().toAbsolutePath();
    Path temp = null;
    progress.start();
    try (Statement statement = connection.createStatement()) {
      running.accept(statement);
      long rows = 0;
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try (ResultSet result = statement.executeQuery(sql);
           RowWriter writer = writer(options, temp, result)) {
        while (result.next()) {
          writer.write(result);
          rows++;
          if ((rows & 1023) == 0) {
            progress.update(rows, -1);
          }
        }
        writer.finish();
      }
      move(temp, target);
      temp = null;
      return rows;
    } catch (IOException e) {
      throw new SQLException("\\copy TO '" + spec.path() + "' could not write the file: " + e
          + ". The file was not written.", "58030", e);
    } catch (SQLException e) {
      throw new SQLException("\\copy TO '" + spec.path() + "' failed: " + e.getMessage()
          + ". The file was not written.", e.getSQLState(), e);
    } finally {
      running.accept(null);
      progress.clear();
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // A stray temporary file named after the target; nothing more to do about it.
        }
      }
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static RowWriter writer(CopyOptions options, Path file, ResultSet result)
      throws IOException, SQLException {
    return switch (options.format()) {
      case CSV -> new CsvRowWriter(file, result.getMetaData(), options);
      case JSONL -> new JsonLinesRowWriter(file, result.getMetaData());
      case FVECS, NPY -> new VectorRowWriter(file, result.getMetaData(), options.format());
      case PARQUET -> throw new AssertionError("refused by CopyOptions");
    };
  }
}
