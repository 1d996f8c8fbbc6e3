package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.vectors.KeyedVectors;
import dev.azimuth.common.vectors.VectorFile;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.io.IOException;
import java.nio.file.Path;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rows from a file of vectors only (fvecs or .npy), read with {@link KeyedVectors}: row i gets
 * the i-th vector in the vector column and a key that is either {@code key_offset + i} (i from
 * 0, so the keys match the row numbers of ground-truth files) or the i-th key of a KEYS file:
 * ivecs of dimension 1, a 1-D integer .npy array, or text with one key per line. The other
 * columns are NULL.
 */
final class VectorSource implements RowSource {
  private final KeyedVectors rows;
  private final TableDef table;
  private final int vectorColumn;
  private final ColumnDef key;

  VectorSource(Path file, @Nullable Path keysFile, TableDef table, int vectorColumn,
      CopyOptions options) throws IOException {
    this.table = table;
    this.vectorColumn = vectorColumn;
    this.key = table.keyColumn();
    VectorFile vectors = options.format() == CopyFormat.NPY ? VectorFile.npy(file, true)
        : VectorFile.vecs(file);
    ColumnDef column = table.columns().get(vectorColumn);
    if (vectors.records() > 0 && vectors.dimension() != column.dimension()) {
      vectors.close();
      throw new PlanningException(ErrorCode.DATA_EXCEPTION, "row 1: the file holds vectors of "
          + vectors.dimension() + " dimensions, but column " + column.name() + " expects "
          + column.dimension());
    }
    if (keysFile == null && key.type() != ColumnType.BIGINT
        && key.type() != ColumnType.INTEGER) {
      vectors.close();
      throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY can only "
          + "generate keys for an INTEGER or BIGINT key; key column " + key.name() + " is "
          + key.sqlType() + ": give the keys in a file WITH (KEYS 'file')");
    }
    try {
      this.rows = KeyedVectors.open(vectors, keysFile, options.keyOffset());
    } catch (KeyedVectors.KeysFileException e) {
      throw new PlanningException(e.code(), e.getMessage(), e);
    }
  }

  @Override public boolean next(Object[] out) throws IOException {
    if (!rows.next()) {
      return false;
    }
    out[vectorColumn] = rows.vector();
    out[table.primaryKey()] = rows.key() instanceof String line
        ? ValueConverter.fromText(key, line) : ValueConverter.fromObject(key, rows.key());
    return true;
  }

  @Override public long skip(long n) throws IOException {
    return rows.skip(n);
  }

  @Override public String where() {
    return "row " + rows.row();
  }

  @Override public long bytesRead() {
    return rows.bytesRead();
  }

  @Override public long bytesTotal() {
    return rows.bytesTotal();
  }

  @Override public void close() throws IOException {
    rows.close();
  }
}
