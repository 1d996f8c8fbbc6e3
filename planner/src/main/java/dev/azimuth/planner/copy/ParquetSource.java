package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.io.CountingInputStream;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.TableDef;
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
 * Parquet rows, read with Hardwood (no Hadoop). Top-level fields go to the columns of the same
 * name (case-insensitively); a field the table lacks is an error unless a column list was
 * given, which picks the fields loaded. A vector is a LIST of FLOAT or DOUBLE (Arrow's
 * fixed-size lists arrive as such) or its text form.
 */
final class ParquetSource implements RowSource {
  private final ParquetFileReader file;
  private final RowReader rows;
  private final TableDef table;
  private final int[] fieldToColumn;
  private final long size;
  private final long totalRows;
  private long row;

  ParquetSource(Path path, TableDef table, int[] listedColumns) throws IOException {
    this.table = table;
    this.size = Files.size(path);
    try {
      this.file = ParquetFileReader.open(InputFile.of(path));
    } catch (IOException | RuntimeException e) {
      throw new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT,
          "not a readable Parquet file: " + e.getMessage(), e);
    }
    this.totalRows = file.getFileMetaData().numRows();
    this.rows = file.rowReader();
    this.fieldToColumn = new int[rows.getFieldCount()];
    List<Integer> wanted = new ArrayList<>();
    if (listedColumns != null) {
      for (int c : listedColumns) {
        wanted.add(c);
      }
    }
    for (int f = 0; f < fieldToColumn.length; f++) {
      String name = rows.getFieldName(f);
      int c = -1;
      try {
        c = CopyColumns.find(table, name);
      } catch (PlanningException e) {
        if (listedColumns == null) {
          throw e;
        }
      }
      fieldToColumn[f] = listedColumns == null || wanted.remove((Integer) c) ? c : -1;
    }
    if (!wanted.isEmpty()) {
      throw new PlanningException(ErrorCode.UNDEFINED_COLUMN, "the Parquet file has no field "
          + table.columns().get(wanted.get(0)).name());
    }
  }

  @Override public boolean next(Object[] out) {
    if (!rows.hasNext()) {
      return false;
    }
    rows.next();
    row++;
    for (int f = 0; f < fieldToColumn.length; f++) {
      int c = fieldToColumn[f];
      if (c < 0 || rows.isNull(f)) {
        continue;
      }
      ColumnDef column = table.columns().get(c);
      Object value = rows.getValue(f);
      if (value instanceof PqList list) {
        value = list.values();
      }
      out[c] = ValueConverter.fromObject(column, value);
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

  @Override public void close() throws IOException {
    rows.close();
    file.close();
  }
}
