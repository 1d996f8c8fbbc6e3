package dev.azimuth.shell.copy;

import dev.azimuth.common.AzimuthException;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code \copy table FROM 'file'}: reads a client-side file and sends its rows through a
 * prepared INSERT, {@code executeBatch} every BATCH_ROWS rows. Each batch is one atomic,
 * durable write on the database (embedded or over a server), committed before the next one is
 * read, so a failure or a cancel keeps whole batches and says exactly which: the semantics of
 * the server's COPY. Values are checked row by row as they are read, so a bad value is
 * reported with its line; what only the database can check (a duplicate key) fails the batch
 * it is in, which is then named. Not thread-safe, except the cancel flag.
 */
final class CopyIn {
  private final CopySpec spec;
  private final CopyOptions options;
  private final TargetTable table;
  private final ProgressLine progress;
  private final AtomicBoolean cancel;
  private long committed;

  private CopyIn(CopySpec spec, CopyOptions options, TargetTable table, ProgressLine progress,
      AtomicBoolean cancel) {
    this.spec = spec;
    this.options = options;
    this.table = table;
    this.progress = progress;
    this.cancel = cancel;
  }

  /**
   * Loads the file and returns the number of rows loaded.
   *
   * @param cancel set (by Ctrl-C) to stop after the batch being written
   * @throws SQLException naming the row and the rows committed before it
   */
  static long run(Connection connection, CopySpec spec, CopyOptions options,
      ProgressLine progress, AtomicBoolean cancel) throws SQLException {
    if (!Files.isRegularFile(spec.path())) {
      throw new SQLException("could not open file '" + spec.path() + "' for reading: "
          + (Files.exists(spec.path()) ? "not a regular file" : "no such file"), "58P01");
    }
    TargetTable table = TargetTable.load(connection, spec.table());
    return new CopyIn(spec, options, table, progress, cancel).load(connection);
  }

  private long load(Connection connection) throws SQLException {
    RowReader reader;
    try {
      reader = open();
    } catch (BadRowException e) {
      throw failure(e.sqlState(), e.getMessage(), options.format().vectorsOnly() ? "row 1"
          : "line 1");
    } catch (AzimuthException e) {
      throw failure(e.code().sqlState(), e.getMessage(), "the start of the file");
    } catch (IOException e) {
      throw new SQLException("could not read '" + spec.path() + "': " + e, "58030", e);
    }
    try (reader) {
      return load(connection, reader);
    } catch (BadRowException e) {
      throw failure(e.sqlState(), e.getMessage(), reader.where());
    } catch (AzimuthException e) {
      throw failure(e.code().sqlState(), e.getMessage(), reader.where());
    } catch (IOException e) {
      throw failure("58030", "could not read the file: " + e, reader.where());
    } finally {
      progress.clear();
    }
  }

  private RowReader open() throws IOException, BadRowException {
    int[] listed = table.listed(spec.columns());
    return switch (options.format()) {
      case CSV -> new CsvRows(spec.path(), table, listed, options);
      case JSONL -> new JsonLinesRows(spec.path(), table, listed);
      case FVECS, NPY -> new VectorRows(spec.path(), table, vectorColumn(listed), options);
      case PARQUET -> new ParquetRows(spec.path(), table, listed);
    };
  }

  /** The one VECTOR column named, or the table's only one. */
  private int vectorColumn(int[] listed) throws BadRowException {
    List<Integer> vectors = new ArrayList<>();
    for (int c : listed != null ? listed : table.all()) {
      if (table.columns().get(c).isVector()) {
        vectors.add(c);
      }
    }
    if (listed != null && (listed.length != 1 || vectors.size() != 1)) {
      throw new BadRowException("22023", "a file of vectors fills the key and one VECTOR "
          + "column: list that one column, e.g. \\copy " + table.name() + " (embedding) FROM ...");
    }
    if (vectors.size() != 1) {
      throw new BadRowException("22023", "table " + table.name() + " has " + vectors.size()
          + " VECTOR columns: name the one to load, e.g. \\copy " + table.name()
          + " (embedding) FROM ...");
    }
    return vectors.get(0);
  }

  private long load(Connection connection, RowReader reader)
      throws IOException, BadRowException, SQLException {
    long skipped = reader.skip(options.skipRows());
    if (skipped < options.skipRows()) {
      return 0;
    }
    int[] targets = reader.targets();
    TargetColumn[] columns = new TargetColumn[targets.length];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      columns[i] = table.columns().get(targets[i]);
      names.add(columns[i].quoted());
    }
    String sql = "INSERT INTO " + table.sqlName() + " (" + String.join(", ", names)
        + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(targets.length, "?"))
        + ")";
    progress.start();
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      Object[] values = new Object[targets.length];
      int inBatch = 0;
      String batchStart = null;
      while (true) {
        Arrays.fill(values, null);
        if (!reader.next(values)) {
          break;
        }
        for (int i = 0; i < values.length; i++) {
          insert.setObject(i + 1, columns[i].convert(values[i]));
        }
        insert.addBatch();
        if (inBatch++ == 0) {
          batchStart = reader.where();
        }
        if (inBatch == options.batchRows()) {
          commit(insert, inBatch, batchStart, reader);
          inBatch = 0;
          if (cancel.get()) {
            throw cancelled(reader.where());
          }
        }
      }
      commit(insert, inBatch, batchStart, reader);
    }
    return committed;
  }

  private void commit(PreparedStatement insert, int rows, String batchStart, RowReader reader)
      throws SQLException {
    if (rows == 0) {
      return;
    }
    try {
      insert.executeBatch();
    } catch (SQLException e) {
      long first = options.skipRows() + committed + 1;
      throw failure(e.getSQLState(), e.getMessage(), "the batch of data rows " + first + "-"
          + (first + rows - 1) + " (from " + batchStart + ")");
    }
    committed += rows;
    long total = reader.rowsTotal();
    double fraction = total > 0 ? (double) (options.skipRows() + committed) / total
        : reader.bytesTotal() > 0 ? (double) reader.bytesRead() / reader.bytesTotal() : -1;
    progress.update(committed, fraction);
  }

  private SQLException cancelled(String where) {
    return failure("57014", "cancelled", "the end of the batch that ends at " + where);
  }

  /** COPY's message: where and why, then exactly what was committed and how to resume. */
  private SQLException failure(String sqlState, String reason, String where) {
    String why = reason == null ? "" : reason.strip();
    if (why.endsWith(".")) {
      why = why.substring(0, why.length() - 1);
    }
    StringBuilder m = new StringBuilder("\\copy ").append(table.name()).append(" FROM '")
        .append(spec.path()).append("' (").append(options.format().lowerName())
        .append(") failed at ").append(where).append(": ").append(why).append(". ");
    long skip = options.skipRows();
    if (committed == 0) {
      m.append("No row was committed");
      if (skip > 0) {
        m.append(" (the first ").append(skip).append(" data rows were skipped)");
      }
      m.append('.');
    } else {
      m.append(committed).append(committed == 1 ? " row was" : " rows were")
          .append(" committed before the failure: data rows ").append(skip + 1).append('-')
          .append(skip + committed).append(" of the file; no row after them was loaded. To "
              + "resume once the file is fixed, run \\copy again WITH (SKIP_ROWS ")
          .append(skip + committed).append(").");
    }
    return new SQLException(m.toString(), sqlState);
  }
}
