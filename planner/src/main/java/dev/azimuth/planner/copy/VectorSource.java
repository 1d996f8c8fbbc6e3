package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.vectors.VectorFile;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.ColumnType;
import dev.azimuth.storage.TableDef;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rows from a file of vectors only (fvecs or .npy): row i gets the i-th vector in the vector
 * column and a key that is either {@code key_offset + i} (i from 0, so the keys match the row
 * numbers of ground-truth files) or the i-th key of a KEYS file: ivecs of dimension 1, a 1-D
 * integer .npy array, or text with one key per line. The other columns are NULL.
 */
final class VectorSource implements RowSource {
  private final VectorFile vectors;
  private final @Nullable VectorFile keyNumbers;
  private final @Nullable BufferedReader keyLines;
  private final TableDef table;
  private final int vectorColumn;
  private final ColumnDef key;
  private final long keyOffset;
  private long row;

  VectorSource(Path file, @Nullable Path keysFile, TableDef table, int vectorColumn,
      CopyOptions options) throws IOException {
    this.table = table;
    this.vectorColumn = vectorColumn;
    this.key = table.keyColumn();
    this.keyOffset = options.keyOffset();
    this.vectors = options.format() == CopyFormat.NPY ? VectorFile.npy(file, true)
        : VectorFile.vecs(file);
    ColumnDef column = table.columns().get(vectorColumn);
    if (vectors.records() > 0 && vectors.dimension() != column.dimension()) {
      vectors.close();
      throw new PlanningException(ErrorCode.DATA_EXCEPTION, "row 1: the file holds vectors of "
          + vectors.dimension() + " dimensions, but column " + column.name() + " expects "
          + column.dimension());
    }
    VectorFile numbers = null;
    BufferedReader lines = null;
    try {
      if (keysFile == null) {
        if (key.type() != ColumnType.BIGINT && key.type() != ColumnType.INTEGER) {
          throw new PlanningException(ErrorCode.INVALID_PARAMETER_VALUE, "COPY can only "
              + "generate keys for an INTEGER or BIGINT key; key column " + key.name() + " is "
              + key.sqlType() + ": give the keys in a file WITH (KEYS 'file')");
        }
      } else {
        String name = keysFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ivecs")) {
          numbers = VectorFile.vecs(keysFile);
          if (numbers.records() > 0 && numbers.dimension() != 1) {
            throw new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT, "an ivecs file of keys "
                + "must hold one number per record, not " + numbers.dimension());
          }
        } else if (name.endsWith(".npy")) {
          numbers = VectorFile.npy(keysFile, false);
        } else {
          lines = Files.newBufferedReader(keysFile, StandardCharsets.UTF_8);
        }
        if (numbers != null && numbers.records() != vectors.records()) {
          throw new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT, "the keys file holds "
              + numbers.records() + " keys for " + vectors.records() + " vectors");
        }
      }
    } catch (IOException | RuntimeException e) {
      vectors.close();
      if (numbers != null) {
        numbers.close();
      }
      throw e;
    }
    this.keyNumbers = numbers;
    this.keyLines = lines;
  }

  @Override public boolean next(Object[] out) throws IOException {
    if (!vectors.hasNext()) {
      if (keyLines != null && nextKeyLine() != null) {
        throw new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT,
            "the keys file holds more keys than the " + row + " vectors");
      }
      return false;
    }
    row++;
    out[vectorColumn] = vectors.nextFloats();
    out[table.primaryKey()] = nextKey();
    return true;
  }

  private Object nextKey() throws IOException {
    if (keyNumbers != null) {
      return number(keyNumbers.nextLong());
    }
    if (keyLines != null) {
      String line = nextKeyLine();
      if (line == null) {
        throw new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT,
            "the keys file ends before vector " + row);
      }
      return ValueConverter.fromText(key, line);
    }
    return number(keyOffset + row - 1);
  }

  private @Nullable String nextKeyLine() throws IOException {
    String line;
    do {
      line = keyLines.readLine();
    } while (line != null && line.isBlank());
    return line;
  }

  private Object number(long value) {
    return ValueConverter.fromObject(key, value);
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
