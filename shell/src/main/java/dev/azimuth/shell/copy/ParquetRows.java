package dev.azimuth.shell.copy;

import dev.azimuth.common.io.CountingInputStream;
import dev.hardwood.InputFile;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.reader.RowReader;
import dev.hardwood.row.PqList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parquet rows, read with Hardwood as COPY reads them: top-level fields go to the columns of
 * the same name (case-insensitively); a field the table lacks is an error unless a column list
 * picks the fields loaded. A vector is a LIST of FLOAT or DOUBLE (Arrow's fixed-size lists
 * arrive as such) or its text. Progress is estimated from the rows read.
 */
final class ParquetRows implements dev.azimuth.shell.copy.RowReader {
  private final ParquetFileReader file;
  private final RowReader rows;
  private final int[] targets;
  /** For each field, its slot in the values, or -1 when it is not loaded. */
  private final int[] fieldToSlot;
  private final long size;
  private final long totalRows;
  private long row;

  ParquetRows(Path path, TargetTable table, int[] listed) throws IOException, BadRowException {
    this.size = Files.size(path);
    try {
      this.file = ParquetFileReader.open(InputFile.of(path));
    } catch (IOException | RuntimeException e) {
      throw new BadRowException("22P04", "not a readable Parquet file: " + e.getMessage());
    }
    try {
      this.totalRows = file.getFileMetaData().numRows();
      this.rows = file.rowReader();
      this.fieldToSlot = new int[rows.getFieldCount()];
      List<Integer> columns = new ArrayList<>();
      for (int f = 0; f < fieldToSlot.length; f++) {
        String name = rows.getFieldName(f);
        int c = -1;
        try {
          c = table.find(name);
        } catch (BadRowException e) {
          if (listed == null) {
            throw e;
          }
        }
        if (listed != null && !contains(listed, c)) {
          c = -1;
        }
        fieldToSlot[f] = c < 0 ? -1 : columns.size();
        if (c >= 0) {
          columns.add(c);
        }
      }
      if (listed != null && columns.size() != listed.length) {
        for (int c : listed) {
          if (!columns.contains(c)) {
            throw new BadRowException("42703", "the Parquet file has no field "
                + table.columns().get(c).name());
          }
        }
      }
      this.targets = columns.stream().mapToInt(Integer::intValue).toArray();
    } catch (BadRowException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  @Override public int[] targets() {
    return targets;
  }

  @Override public boolean next(Object[] values) {
    if (!rows.hasNext()) {
      return false;
    }
    rows.next();
    row++;
    for (int f = 0; f < fieldToSlot.length; f++) {
      int slot = fieldToSlot[f];
      if (slot < 0 || rows.isNull(f)) {
        continue;
      }
      Object value = rows.getValue(f);
      values[slot] = value instanceof PqList list ? list.values() : value;
    }
    return true;
  }

  @Override public long skip(long n) {
    long done = 0;
    while (done < n && rows.hasNext()) {
      rows.next();
      row++;
      done++;
    }
    return done;
  }

  @Override public String where() {
    return "row " + row;
  }

  @Override public long bytesRead() {
    return totalRows == 0 ? size : Math.round((double) size * row / totalRows);
  }

  @Override public long bytesTotal() {
    return size;
  }

  @Override public long rowsTotal() {
    return totalRows;
  }

  @Override public void close() throws IOException {
    rows.close();
    file.close();
  }
}
