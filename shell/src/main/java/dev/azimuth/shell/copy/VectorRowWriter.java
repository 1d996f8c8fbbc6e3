package dev.azimuth.shell.copy;

import dev.azimuth.common.VectorText;
import dev.azimuth.common.vectors.VectorFileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * fvecs or {@code .npy} output of a query with one VECTOR column, written by the engine's own
 * writer ({@link VectorFileWriter}). A NULL vector cannot be written.
 */
final class VectorRowWriter implements RowWriter {
  private final VectorFileWriter writer;

  VectorRowWriter(Path file, ResultSetMetaData columns, FileFormat format)
      throws IOException, SQLException {
    TargetColumn column = columns.getColumnCount() != 1 ? null : TargetColumn.of(
        columns.getColumnLabel(1), columns.getColumnType(1), columns.getColumnTypeName(1), true,
        0);
    if (column == null || !column.isVector()) {
      throw new SQLException("\\copy TO FORMAT " + format.lowerName() + " writes vectors only: "
          + "the query must return a single VECTOR column", "22023");
    }
    this.writer = format == FileFormat.NPY ? VectorFileWriter.npy(file, column.dimension())
        : VectorFileWriter.fvecs(file, column.dimension());
  }

  @Override public void write(ResultSet row) throws IOException, SQLException {
    Object v = row.getObject(1);
    if (v == null) {
      throw new SQLException("row " + (writer.rows() + 1) + " has a NULL vector, which an fvecs "
          + "or npy file cannot hold; filter it out (WHERE column IS NOT NULL)", "23502");
    }
    writer.write(v instanceof float[] f ? f : VectorText.parse(v.toString()));
  }

  @Override public void finish() throws IOException {
    writer.finish();
  }

  @Override public void close() throws IOException {
    writer.close();
  }
}
