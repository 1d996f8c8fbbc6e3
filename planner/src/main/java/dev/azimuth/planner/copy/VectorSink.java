package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.vectors.VectorFileWriter;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.planner.ResultColumn;
import dev.azimuth.sql.type.VectorSqlType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * fvecs or .npy output of a query with one VECTOR column: fvecs records (int32 dimension, then
 * the floats) or a float32 array of shape (rows, dimension) whose header is written last, once
 * the row count is known. A NULL vector cannot be written.
 */
final class VectorSink implements RowSink {
  private final VectorFileWriter writer;

  VectorSink(Path file, List<ResultColumn> columns, CopyFormat format) throws IOException {
    String name = format.name().toLowerCase(java.util.Locale.ROOT);
    if (columns.size() != 1 || !(columns.get(0).type() instanceof VectorSqlType type)) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY TO FORMAT " + name
          + " writes vectors only: the query must return a single VECTOR column, not "
          + RowSink.labels(columns));
    }
    this.writer = format == CopyFormat.NPY ? VectorFileWriter.npy(file, type.dimension())
        : VectorFileWriter.fvecs(file, type.dimension());
  }

  @Override public void write(Object[] row) throws IOException {
    if (!(row[0] instanceof float[] v)) {
      throw new PlanningException(ErrorCode.NOT_NULL_VIOLATION, "row " + (writer.rows() + 1)
          + " has a NULL vector, which an fvecs or npy file cannot hold; filter it out "
          + "(WHERE column IS NOT NULL)");
    }
    writer.write(v);
  }

  @Override public void finish() throws IOException {
    writer.finish();
  }

  @Override public void close() throws IOException {
    writer.close();
  }
}
