package dev.azimuth.shell.copy;

import dev.azimuth.common.vectors.KeyedVectors;
import dev.azimuth.common.vectors.VectorFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Rows from an fvecs or {@code .npy} file of vectors, read with the engine's own reader
 * ({@link KeyedVectors}): row i gets the i-th vector and the key {@code KEY_OFFSET + i} (i from
 * 0, matching ground-truth row numbers) or the i-th key of a KEYS file (ivecs of dimension 1, a
 * 1-D integer {@code .npy}, or text with one key per line). Other columns are left out.
 */
final class VectorRows implements RowReader {
  private final KeyedVectors rows;
  private final int[] targets;

  /**
   * @param vectorColumn the table column the vectors go to
   * @throws BadRowException if the table has no key to fill or the files do not match
   */
  VectorRows(Path file, TargetTable table, int vectorColumn, CopyOptions options)
      throws IOException, BadRowException {
    if (table.key() < 0) {
      throw new BadRowException("42P16", "the driver names no primary key for table "
          + table.name() + ", so \\copy cannot tell which column the keys go to");
    }
    TargetColumn column = table.columns().get(vectorColumn);
    TargetColumn key = table.columns().get(table.key());
    this.targets = new int[] {table.key(), vectorColumn};
    VectorFile vectors = options.format() == FileFormat.NPY ? VectorFile.npy(file, true)
        : VectorFile.vecs(file);
    try {
      if (vectors.records() > 0 && vectors.dimension() != column.dimension()) {
        throw new BadRowException("22000", "the file holds vectors of " + vectors.dimension()
            + " dimensions, but column " + column.name() + " expects " + column.dimension());
      }
      int type = key.jdbcType();
      if (options.keys() == null && type != java.sql.Types.BIGINT
          && type != java.sql.Types.INTEGER) {
        throw new BadRowException("22023", "\\copy can only generate keys for an INTEGER or "
            + "BIGINT key; key column " + key.name() + " is " + key.typeName()
            + ": give the keys in a file WITH (KEYS 'file')");
      }
    } catch (BadRowException | RuntimeException e) {
      vectors.close();
      throw e;
    }
    try {
      this.rows = KeyedVectors.open(vectors, options.keys(), options.keyOffset());
    } catch (KeyedVectors.KeysFileException e) {
      // A keys file that does not fit is a bad row 1, as before the reader was shared.
      throw new BadRowException(e.code().sqlState(), e.getMessage());
    }
  }

  @Override public int[] targets() {
    return targets;
  }

  @Override public boolean next(Object[] values) throws IOException {
    if (!rows.next()) {
      return false;
    }
    values[1] = rows.vector();
    values[0] = rows.key() instanceof String line ? line.strip() : rows.key();
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

  @Override public long rowsTotal() {
    return rows.records();
  }

  @Override public void close() throws IOException {
    rows.close();
  }
}
