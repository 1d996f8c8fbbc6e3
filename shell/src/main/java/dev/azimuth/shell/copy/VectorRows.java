package dev.azimuth.shell.copy;

import dev.azimuth.common.vectors.VectorFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Rows from an fvecs or {@code .npy} file of vectors, read with the engine's own reader
 * ({@link VectorFile}): row i gets the i-th vector and the key {@code KEY_OFFSET + i} (i from 0,
 * matching ground-truth row numbers) or the i-th key of a KEYS file (ivecs of dimension 1, a
 * 1-D integer {@code .npy}, or text with one key per line). Other columns are left out.
 */
final class VectorRows implements RowReader {
  private final VectorFile vectors;
  private final VectorFile keyNumbers;
  private final BufferedReader keyLines;
  private final int[] targets;
  private final long keyOffset;
  private long row;

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
    this.keyOffset = options.keyOffset();
    this.vectors = options.format() == FileFormat.NPY ? VectorFile.npy(file, true)
        : VectorFile.vecs(file);
    VectorFile numbers = null;
    BufferedReader lines = null;
    try {
      if (vectors.records() > 0 && vectors.dimension() != column.dimension()) {
        throw new BadRowException("22000", "the file holds vectors of " + vectors.dimension()
            + " dimensions, but column " + column.name() + " expects " + column.dimension());
      }
      Path keys = options.keys();
      if (keys == null) {
        int type = key.jdbcType();
        if (type != java.sql.Types.BIGINT && type != java.sql.Types.INTEGER) {
          throw new BadRowException("22023", "\\copy can only generate keys for an INTEGER or "
              + "BIGINT key; key column " + key.name() + " is " + key.typeName()
              + ": give the keys in a file WITH (KEYS 'file')");
        }
      } else {
        String name = keys.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ivecs")) {
          numbers = VectorFile.vecs(keys);
          if (numbers.records() > 0 && numbers.dimension() != 1) {
            throw new BadRowException("22P04", "an ivecs file of keys must hold one number per "
                + "record, not " + numbers.dimension());
          }
        } else if (name.endsWith(".npy")) {
          numbers = VectorFile.npy(keys, false);
        } else {
          lines = Files.newBufferedReader(keys, StandardCharsets.UTF_8);
        }
        if (numbers != null && numbers.records() != vectors.records()) {
          throw new BadRowException("22P04", "the keys file holds " + numbers.records()
              + " keys for " + vectors.records() + " vectors");
        }
      }
    } catch (IOException | BadRowException | RuntimeException e) {
      vectors.close();
      if (numbers != null) {
        numbers.close();
      }
      if (lines != null) {
        lines.close();
      }
      throw e;
    }
    this.keyNumbers = numbers;
    this.keyLines = lines;
  }

  @Override public int[] targets() {
    return targets;
  }

  @Override public boolean next(Object[] values) throws IOException, BadRowException {
    if (!vectors.hasNext()) {
      if (keyLines != null && nextKeyLine() != null) {
        throw new BadRowException("22P04", "the keys file holds more keys than the " + row
            + " vectors");
      }
      return false;
    }
    row++;
    values[1] = vectors.nextFloats();
    if (keyNumbers != null) {
      values[0] = keyNumbers.nextLong();
    } else if (keyLines != null) {
      String line = nextKeyLine();
      if (line == null) {
        throw new BadRowException("22P04", "the keys file ends before vector " + row);
      }
      values[0] = line.strip();
    } else {
      values[0] = keyOffset + row - 1;
    }
    return true;
  }

  private String nextKeyLine() throws IOException {
    String line;
    do {
      line = keyLines.readLine();
    } while (line != null && line.isBlank());
    return line;
  }

  @Override public long skip(long n) throws IOException {
    long done = vectors.skip(n);
    if (keyNumbers != null) {
      keyNumbers.skip(done);
    } else if (keyLines != null) {
      for (long i = 0; i < done; i++) {
        nextKeyLine();
      }
    }
    row += done;
    return done;
  }

  @Override public String where() {
    return "row " + row;
  }

  @Override public long bytesRead() {
    return vectors.bytesRead();
  }

  @Override public long bytesTotal() {
    return vectors.size();
  }

  @Override public long rowsTotal() {
    return vectors.records();
  }

  @Override public void close() throws IOException {
    vectors.close();
    if (keyNumbers != null) {
      keyNumbers.close();
    }
    if (keyLines != null) {
      keyLines.close();
    }
  }
}
