package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.planner.ResultColumn;
import dev.azimuth.sql.type.VectorSqlType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * fvecs or .npy output of a query with one VECTOR column: fvecs records (int32 dimension, then
 * the floats) or a float32 array of shape (rows, dimension) whose header is written last, once
 * the row count is known. A NULL vector cannot be written.
 */
final class VectorSink implements RowSink {
  private final FileChannel channel;
  private final boolean npy;
  private final int dimension;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20)
      .order(ByteOrder.LITTLE_ENDIAN);
  private long rows;

  VectorSink(Path file, List<ResultColumn> columns, CopyFormat format) throws IOException {
    String name = format.name().toLowerCase(java.util.Locale.ROOT);
    if (columns.size() != 1 || !(columns.get(0).type() instanceof VectorSqlType type)) {
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY TO FORMAT " + name
          + " writes vectors only: the query must return a single VECTOR column, not "
          + RowSink.labels(columns));
    }
    this.dimension = type.dimension();
    this.npy = format == CopyFormat.NPY;
    this.channel = FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE);
    if (npy) {
      channel.position(NpyHeader.WRITTEN_HEADER_BYTES);
    }
  }

  @Override public void write(Object[] row) throws IOException {
    if (!(row[0] instanceof float[] v)) {
      throw new PlanningException(ErrorCode.NOT_NULL_VIOLATION, "row " + (rows + 1)
          + " has a NULL vector, which an fvecs or npy file cannot hold; filter it out "
          + "(WHERE column IS NOT NULL)");
    }
    int need = (npy ? 0 : 4) + 4 * v.length;
    if (buffer.remaining() < need) {
      drain();
    }
    if (!npy) {
      buffer.putInt(v.length);
    }
    buffer.asFloatBuffer().put(v);
    buffer.position(buffer.position() + 4 * v.length);
    rows++;
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  @Override public void finish() throws IOException {
    drain();
    if (npy) {
      ByteBuffer header = NpyHeader.float32(rows, dimension);
      channel.write(header, 0);
    }
  }

  @Override public void close() throws IOException {
    channel.close();
  }
}
