package dev.azimuth.planner.copy;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.common.io.CountingInputStream;
import dev.azimuth.planner.PlanningException;
import dev.azimuth.storage.ColumnDef;
import dev.azimuth.storage.TableDef;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV rows (RFC 4180, UTF-8, Apache Commons CSV). Fields go to the listed columns in order, or
 * with HEADER to the columns the header names, or else to every column of the table. As in
 * PostgreSQL, an unquoted empty field (or the NULL text) is NULL and a quoted one is a string.
 */
final class CsvSource implements RowSource {
  private final CountingInputStream counter;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final TableDef table;
  private final int[] targets;
  private final long size;
  private long line = 1;

  /** @param columns the listed columns (table indexes), or null for none listed */
  CsvSource(Path file, TableDef table, int[] columns, CopyOptions options) throws IOException {
    this.table = table;
    this.size = Files.size(file);
    this.counter = new CountingInputStream(Files.newInputStream(file));
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter())
        .setQuote(options.quote()).setNullString(options.nullText())
        .setQuoteMode(QuoteMode.ALL_NON_NULL).setIgnoreEmptyLines(true).get();
    this.parser = format.parse(new InputStreamReader(counter, StandardCharsets.UTF_8));
    this.records = parser.iterator();
    int[] t = columns;
    if (options.header()) {
      line = parser.getCurrentLineNumber() + 1;
      if (!records.hasNext()) {
        t = t == null ? new int[0] : t;
      } else {
        CSVRecord header = nextRecord();
        if (t == null) {
          t = byName(header);
        }
      }
    }
    this.targets = t != null ? t : allColumns(table);
  }

  private int[] byName(CSVRecord header) {
    List<Integer> indexes = new ArrayList<>();
    for (String name : header) {
      int c = CopyColumns.find(table, name == null ? "" : name.strip());
      if (indexes.contains(c)) {
        throw new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT, "line 1: the header names "
            + "column " + table.columns().get(c).name() + " twice");
      }
      indexes.add(c);
    }
    return indexes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The columns a COPY without a column list reads or writes: all but a hidden row id. */
  static int[] allColumns(TableDef table) {
    return table.visibleColumns();
  }

  private CSVRecord nextRecord() {
    try {
      return records.next();
    } catch (UncheckedIOException e) {
      throw new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT,
          "malformed CSV: " + e.getCause().getMessage());
    }
  }

  // The iterator parses a record ahead when asked whether there is one: the next record's line
  // is the one after the lines consumed before asking.
  private boolean more() {
    try {
      line = parser.getCurrentLineNumber() + 1;
      return records.hasNext();
    } catch (UncheckedIOException e) {
      throw new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT,
          "malformed CSV: " + e.getCause().getMessage());
    }
  }

  @Override public boolean next(Object[] row) {
    if (!more()) {
      return false;
    }
    CSVRecord record = nextRecord();
    if (record.size() != targets.length) {
      throw new PlanningException(ErrorCode.BAD_COPY_FILE_FORMAT, "the line has "
          + record.size() + " field" + (record.size() == 1 ? "" : "s") + " but COPY expects "
          + targets.length + " (" + names() + ")");
    }
    for (int i = 0; i < targets.length; i++) {
      String field = record.get(i);
      ColumnDef column = table.columns().get(targets[i]);
      row[targets[i]] = field == null ? null : ValueConverter.fromText(column, field);
    }
    return true;
  }

  private String names() {
    List<String> names = new ArrayList<>();
    for (int t : targets) {
      names.add(table.columns().get(t).name());
    }
    return String.join(", ", names);
  }

  @Override public long skip(long n) {
    long done = 0;
    while (done < n && more()) {
      nextRecord();
      done++;
    }
    return done;
  }

  @Override public String where() {
    return "line " + line;
  }

  @Override public long bytesRead() {
    return counter.count();
  }

  @Override public long bytesTotal() {
    return size;
  }

  @Override public void close() throws IOException {
    parser.close();
  }
}
